import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  buildConfigJsonSchema,
  CONFIG_SCHEMA_URL,
  DEFAULT_CONFIG,
  EXAMPLE_CONFIG_YAML,
  parseConfig,
} from '../../../src/config/index.js';
import { collectConfigKeys } from '../../../src/config/collect-config-keys.js';
import { RULE_DOCS } from '../../../src/static/index.js';

const schema = buildConfigJsonSchema();
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

function errorsFor(yamlText: string): string[] {
  return validate(parse(yamlText) as unknown) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('the config JSON schema', () => {
  it('identifies itself for editors', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(CONFIG_SCHEMA_URL);
    expect(schema.title).toBe('Argus configuration (.github/argus.yml)');
  });

  it('accepts the documented example, the defaults and an empty mapping', () => {
    expect(errorsFor(EXAMPLE_CONFIG_YAML)).toEqual([]);
    expect(validate(structuredClone(DEFAULT_CONFIG))).toBe(true);
    expect(validate({})).toBe(true);
  });

  it('rejects what parseConfig rejects', () => {
    expect(errorsFor('max_coments: 5\n')).toEqual([' must NOT have additional properties']);
    expect(errorsFor('fail_on: loud\n')).toEqual(['/fail_on must be equal to one of the allowed values']);
    expect(errorsFor('max_comments: 500\n')).toEqual(['/max_comments must be <= 100']);
    expect(errorsFor('rules:\n  Bad_Id: high\n')).toEqual([
      '/rules must match pattern "^[a-z0-9][a-z0-9/._-]*$"',
      '/rules property name must be valid',
    ]);
    expect(errorsFor('paths:\n  exclude: ["/dist/**"]\n')).toEqual(['/paths/exclude/0 must match pattern "^(?![!/]|\\.\\/)"']);
    expect(errorsFor('llm:\n  model: 3\n')).toEqual([
      '/llm/model must be string',
      '/llm/model must be null',
      '/llm/model must match a schema in anyOf',
    ]);
  });

  it('documents every key with a description and a default', () => {
    const keys = collectConfigKeys(schema);
    expect(keys.map((k) => k.key)).toEqual([
      'enabled',
      'paths.include',
      'paths.exclude',
      'paths.exclude_defaults',
      'min_severity',
      'fail_on',
      'max_comments',
      'rules',
      'review.drafts',
      'review.bots',
      'review.request_changes',
      'llm.enabled',
      'llm.model',
      'llm.confidence_floor',
      'llm.max_request_tokens',
      'llm.max_review_tokens',
      'llm.max_output_tokens',
      'llm.prices',
      'semgrep.enabled',
      'semgrep.binary',
      'semgrep.configs',
      'semgrep.timeout_seconds',
      'instructions',
      'learn',
      'language',
    ]);
    for (const key of keys) {
      expect(key.description.length, key.key).toBeGreaterThan(10);
      expect(key.default, key.key).not.toBeUndefined();
    }
  });

  it('has the same defaults as parseConfig', () => {
    const fromSchema = Object.fromEntries(collectConfigKeys(schema).map((k) => [k.key, k.default]));
    const config = parseConfig('', 'argus.yml');
    expect(fromSchema).toEqual({
      enabled: config.enabled,
      'paths.include': config.paths.include,
      'paths.exclude': config.paths.exclude,
      'paths.exclude_defaults': config.paths.exclude_defaults,
      min_severity: config.min_severity,
      fail_on: config.fail_on,
      max_comments: config.max_comments,
      rules: config.rules,
      'review.drafts': config.review.drafts,
      'review.bots': config.review.bots,
      'review.request_changes': config.review.request_changes,
      'llm.enabled': config.llm.enabled,
      'llm.model': config.llm.model,
      'llm.confidence_floor': config.llm.confidence_floor,
      'llm.max_request_tokens': config.llm.max_request_tokens,
      'llm.max_review_tokens': config.llm.max_review_tokens,
      'llm.max_output_tokens': config.llm.max_output_tokens,
      'llm.prices': config.llm.prices,
      'semgrep.enabled': config.semgrep.enabled,
      'semgrep.binary': config.semgrep.binary,
      'semgrep.configs': config.semgrep.configs,
      'semgrep.timeout_seconds': config.semgrep.timeout_seconds,
      instructions: config.instructions,
      learn: config.learn,
      language: config.language,
    });
  });

  it('uses rule ids that exist in its examples', () => {
    const exampleIds = Object.keys(parseConfig(EXAMPLE_CONFIG_YAML, 'example').rules);
    const unknown = exampleIds.filter((id) => !RULE_DOCS.has(id));
    expect(unknown, 'the example config names rules that do not exist: update src/config/example-config.ts').toEqual([]);
  });
});
