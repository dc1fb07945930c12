import { describe, expect, it, vi } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, defaultConfig, EXAMPLE_CONFIG_YAML, parseConfig, validateConfig } from '../../../src/config/index.js';
import type { ArgusConfig } from '../../../src/config/index.js';

const SOURCE = '.github/argus.yml';

const LLM_DEFAULTS = {
  confidence_floor: 0.6,
  max_request_tokens: 12_000,
  max_review_tokens: 200_000,
  max_output_tokens: 4_000,
  prices: {},
};

const DEFAULTS: ArgusConfig = {
  enabled: true,
  paths: { include: ['**'], exclude: [], exclude_defaults: true },
  min_severity: 'low',
  fail_on: 'high',
  max_comments: 10,
  rules: {},
  review: { drafts: false, bots: false, request_changes: false },
  llm: {
    enabled: true,
    model: null,
    confidence_floor: 0.6,
    max_request_tokens: 12_000,
    max_review_tokens: 200_000,
    max_output_tokens: 4_000,
    prices: {},
  },
  instructions: '',
  learn: false,
  language: 'en',
  semgrep: { enabled: 'auto', binary: null, configs: ['p/default'], timeout_seconds: 60 },
};

/** The lines of the ConfigError `parseConfig(text)` throws. */
function errorsOf(text: string): string[] {
  try {
    parseConfig(text, SOURCE);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const error = err as ConfigError;
    expect(error.message).toBe(error.issues.join('\n'));
    expect(error.source).toBe(SOURCE);
    expect(error.name).toBe('ConfigError');
    return error.issues;
  }
  throw new Error(`expected a ConfigError for:\n${text}`);
}

describe('defaults', () => {
  it('has the documented defaults', () => {
    expect(defaultConfig()).toEqual(DEFAULTS);
    expect(DEFAULT_CONFIG).toEqual(DEFAULTS);
  });

  it('freezes DEFAULT_CONFIG and hands out independent copies', () => {
    expect(Object.isFrozen(DEFAULT_CONFIG.paths.include)).toBe(true);
    const copy = defaultConfig();
    copy.paths.include.push('x/**');
    expect(defaultConfig().paths.include).toEqual(['**']);
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', '\n  \n'],
    ['only comments', '# nothing yet\n'],
    ['an explicit null document', 'null\n'],
    ['a document marker only', '---\n'],
    ['an empty mapping', '{}\n'],
  ])('gives the defaults for %s', (_name, text) => {
    expect(parseConfig(text, SOURCE)).toEqual(DEFAULTS);
  });

  it('fills in the rest of a section that is only partly given', () => {
    expect(parseConfig('llm:\n  model: gpt-4.1-mini\npaths:\n  exclude: ["docs/**"]\n', SOURCE)).toEqual({
      ...DEFAULTS,
      paths: { include: ['**'], exclude: ['docs/**'], exclude_defaults: true },
      llm: { ...LLM_DEFAULTS, enabled: true, model: 'gpt-4.1-mini' },
    });
  });
});

describe('a full valid file', () => {
  it('parses the documented example exactly', () => {
    expect(parseConfig(EXAMPLE_CONFIG_YAML, SOURCE)).toEqual({
      enabled: true,
      paths: { include: ['src/**', 'lib/**'], exclude: ['docs/**', '**/*.test.ts'], exclude_defaults: true },
      min_severity: 'medium',
      fail_on: 'critical',
      max_comments: 15,
      review: { drafts: false, bots: false, request_changes: false },
      rules: { 'self-comparison': 'high', 'await-in-foreach': 'off' },
      llm: { ...LLM_DEFAULTS, enabled: true, model: null },
      instructions:
        'We use Result types instead of exceptions; flag any new throw in src/domain.\nPublic functions in src/api need TSDoc.\n',
      learn: false,
      language: 'en',
      semgrep: { enabled: 'auto', binary: null, configs: ['p/default', 'tools/semgrep/'], timeout_seconds: 60 },
    });
  });

  it('accepts every value at the edges of its range', () => {
    const config = parseConfig(
      [
        'enabled: false',
        'paths:',
        '  include: []',
        '  exclude_defaults: false',
        'min_severity: info',
        'fail_on: off', // YAML 1.2: a bare off is the string "off"
        'max_comments: 0',
        'rules:',
        '  js/eval: critical',
        '  a: info',
        'llm:',
        '  enabled: false',
        '  model: some-model',
        `instructions: "${'x'.repeat(4000)}"`,
        'language: pt-BR',
      ].join('\n'),
      SOURCE,
    );
    expect(config).toEqual({
      enabled: false,
      paths: { include: [], exclude: [], exclude_defaults: false },
      min_severity: 'info',
      fail_on: 'off',
      max_comments: 0,
      rules: { 'js/eval': 'critical', a: 'info' },
      review: { drafts: false, bots: false, request_changes: false },
      llm: { ...LLM_DEFAULTS, enabled: false, model: 'some-model' },
      instructions: 'x'.repeat(4000),
      learn: false,
      language: 'pt-BR',
      semgrep: { enabled: 'auto', binary: null, configs: ['p/default'], timeout_seconds: 60 },
    });
    expect(parseConfig('max_comments: 100\nlanguage: zh-Hant-TW\n', SOURCE)).toMatchObject({ max_comments: 100, language: 'zh-Hant-TW' });
  });

  it('keeps the YAML key order of rules', () => {
    expect(Object.keys(parseConfig('rules:\n  b: low\n  a: high\n', SOURCE).rules)).toEqual(['b', 'a']);
  });
});

describe('errors', () => {
  it('reports a wrong type with the key path and the value', () => {
    expect(errorsOf('enabled: "yes"\n')).toEqual([`${SOURCE}: enabled: expected true or false, got "yes"`]);
    expect(errorsOf('enabled: yes\n')).toEqual([`${SOURCE}: enabled: expected true or false, got "yes"`]);
    expect(errorsOf('llm:\n  enabled: 1\n')).toEqual([`${SOURCE}: llm.enabled: expected true or false, got 1`]);
    expect(errorsOf('llm: true\n')).toEqual([`${SOURCE}: llm: expected a mapping, got true`]);
    expect(errorsOf('rules: [a]\n')).toEqual([`${SOURCE}: rules: expected a mapping of rule id to "off" or a severity, got a list`]);
    expect(errorsOf('instructions: [a]\n')).toEqual([
      `${SOURCE}: instructions: expected a string (use a YAML block scalar "|" for several lines), got a list`,
    ]);
    expect(errorsOf('llm:\n  model: 4\n')).toEqual([`${SOURCE}: llm.model: expected a model name string, or null for the default, got 4`]);
  });

  it('reports an empty value as such', () => {
    expect(errorsOf('paths:\n')).toEqual([`${SOURCE}: paths: expected a mapping, got an empty value`]);
  });

  it('reports a bad enum value with the allowed values', () => {
    expect(errorsOf('rules:\n  sql-injection: loud\n')).toEqual([
      `${SOURCE}: rules.sql-injection: expected "off" or a severity (critical, high, medium, low, info), got "loud"`,
    ]);
    expect(errorsOf('fail_on: never\n')).toEqual([
      `${SOURCE}: fail_on: expected "off" or a severity (critical, high, medium, low, info), got "never"`,
    ]);
    expect(errorsOf('min_severity: off\n')).toEqual([
      `${SOURCE}: min_severity: expected a severity (critical, high, medium, low, info), got "off"`,
    ]);
    expect(errorsOf('min_severity: High\n')).toEqual([
      `${SOURCE}: min_severity: expected a severity (critical, high, medium, low, info), got "High"`,
    ]);
  });

  it('reports an invalid rule id', () => {
    expect(errorsOf('rules:\n  Sql_Injection: high\n')).toEqual([
      `${SOURCE}: rules: invalid key "Sql_Injection": expected a rule id (lowercase letters, digits, "-", "/", "." and "_", starting with a letter or digit)`,
    ]);
  });

  it('reports an unknown key with a suggestion', () => {
    expect(errorsOf('max_coments: 5\n')).toEqual([`${SOURCE}: unknown key "max_coments" (did you mean "max_comments"?)`]);
    expect(errorsOf('maxComments: 5\n')).toEqual([`${SOURCE}: unknown key "maxComments" (did you mean "max_comments"?)`]);
    expect(errorsOf('paths:\n  exlude: []\n')).toEqual([`${SOURCE}: paths: unknown key "exlude" (did you mean "exclude"?)`]);
    expect(errorsOf('llm:\n  mdoel: x\n')).toEqual([`${SOURCE}: llm: unknown key "mdoel" (did you mean "model"?)`]);
  });

  it('lists the allowed keys when no key is close', () => {
    expect(errorsOf('assignees: [octocat]\n')).toEqual([
      `${SOURCE}: unknown key "assignees" (allowed keys: enabled, paths, min_severity, fail_on, max_comments, rules, review, llm, semgrep, instructions, learn, language)`,
    ]);
    expect(errorsOf('llm:\n  temperature: 0\n')).toEqual([`${SOURCE}: llm: unknown key "temperature" (allowed keys: enabled, model, confidence_floor, max_request_tokens, max_review_tokens, max_output_tokens, prices)`]);
  });

  it('reports a glob that is not a list of strings', () => {
    expect(errorsOf('paths:\n  exclude: dist/**\n')).toEqual([
      `${SOURCE}: paths.exclude: expected a list of glob patterns, like ["src/**"], got "dist/**"`,
    ]);
    expect(errorsOf('paths:\n  include: ["src/**", 3, {a: 1}]\n')).toEqual([
      `${SOURCE}: paths.include[1]: expected a glob pattern string, like "src/**", got 3`,
      `${SOURCE}: paths.include[2]: expected a glob pattern string, like "src/**", got a mapping`,
    ]);
    expect(errorsOf('paths:\n  include: [""]\n')).toEqual([
      `${SOURCE}: paths.include[0]: expected a non-empty glob pattern, like "src/**", got ""`,
    ]);
  });

  it('rejects globs that can never match or would invert the list', () => {
    const expected = 'expected a glob relative to the repository root, without a leading "/", "./" or "!"';
    expect(errorsOf('paths:\n  exclude: ["/dist/**", "./build/**", "!src/**"]\n')).toEqual([
      `${SOURCE}: paths.exclude[0]: ${expected}, got "/dist/**"`,
      `${SOURCE}: paths.exclude[1]: ${expected}, got "./build/**"`,
      `${SOURCE}: paths.exclude[2]: ${expected}, got "!src/**"`,
    ]);
  });

  it('reports max_comments out of range or not a whole number', () => {
    const expected = `${SOURCE}: max_comments: expected a whole number from 0 to 100`;
    expect(errorsOf('max_comments: 500\n')).toEqual([`${expected}, got 500`]);
    expect(errorsOf('max_comments: -1\n')).toEqual([`${expected}, got -1`]);
    expect(errorsOf('max_comments: 2.5\n')).toEqual([`${expected}, got 2.5`]);
    expect(errorsOf('max_comments: ten\n')).toEqual([`${expected}, got "ten"`]);
  });

  it('reports bad strings', () => {
    expect(errorsOf('language: english\n')).toEqual([
      `${SOURCE}: language: expected a language tag like "en", "de" or "pt-BR", got "english"`,
    ]);
    expect(errorsOf(`instructions: "${'x'.repeat(4001)}"\n`)).toEqual([
      `${SOURCE}: instructions: expected at most 4000 characters: keep instructions short and specific, got a 4001-character string`,
    ]);
    expect(errorsOf('llm:\n  model: ""\n')).toEqual([`${SOURCE}: llm.model: expected a model name, or null for the default, got ""`]);
  });

  it('reports a YAML syntax error with line and column', () => {
    expect(errorsOf('enabled: true\npaths:\n  include: [src/**\n')).toEqual([
      `${SOURCE}: line 4, column 1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
    expect(errorsOf('enabled: true\nenabled: false\n')).toEqual([`${SOURCE}: line 2, column 1: YAML syntax error: Map keys must be unique`]);
    expect(errorsOf('paths:\n\tinclude: []\n')).toEqual([
      `${SOURCE}: line 2, column 1: YAML syntax error: Tabs are not allowed as indentation`,
    ]);
  });

  it('reports a mapping used as a key as an unknown key, without printing a process warning', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    expect(errorsOf('? [a, b]\n: 1\n')).toEqual([
      `${SOURCE}: unknown key "[ a, b ]" (allowed keys: enabled, paths, min_severity, fail_on, max_comments, rules, review, llm, semgrep, instructions, learn, language)`,
    ]);
    expect(emitWarning).not.toHaveBeenCalled();
  });

  it('reports an alias without an anchor', () => {
    expect(errorsOf('paths:\n  include: *globs\n')).toEqual([
      `${SOURCE}: Unresolved alias (the anchor must be set before the alias): globs`,
    ]);
  });

  it('refuses a file that is far too large before parsing it', () => {
    expect(errorsOf(`# ${'x'.repeat(100_000)}\n`)).toEqual([
      `${SOURCE}: the file is 100003 characters long, more than the limit of 100000: shorten it`,
    ]);
  });

  it.each([
    ['a list', '- enabled\n', 'a list'],
    ['a string', 'enabled\n', '"enabled"'],
    ['a number', '42\n', '42'],
  ])('rejects %s at the top level', (_name, text, got) => {
    expect(errorsOf(text)).toEqual([`${SOURCE}: expected a mapping of settings at the top level, got ${got}`]);
  });

  it('lists every problem, one per line, in file order', () => {
    const error = (() => {
      try {
        parseConfig('rules:\n  x: loud\nmax_coments: 5\nenabled: 1\nllm:\n  model: 4\n  tmp: 1\n', SOURCE);
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.issues).toEqual([
      `${SOURCE}: rules.x: expected "off" or a severity (critical, high, medium, low, info), got "loud"`,
      `${SOURCE}: unknown key "max_coments" (did you mean "max_comments"?)`,
      `${SOURCE}: enabled: expected true or false, got 1`,
      `${SOURCE}: llm.model: expected a model name string, or null for the default, got 4`,
      `${SOURCE}: llm: unknown key "tmp" (allowed keys: enabled, model, confidence_floor, max_request_tokens, max_review_tokens, max_output_tokens, prices)`,
    ]);
    expect(error.message).toBe(error.issues.join('\n'));
  });

  it('validates data that was parsed elsewhere', () => {
    expect(validateConfig(undefined, 'x.json')).toEqual(DEFAULTS);
    expect(() => validateConfig({ fail_on: 'loud' }, 'x.json')).toThrow(
      'x.json: fail_on: expected "off" or a severity (critical, high, medium, low, info), got "loud"',
    );
  });
});

describe('llm section', () => {
  it('accepts token caps, a confidence floor and prices', () => {
    const config = parseConfig(
      'llm:\n  confidence_floor: 0.8\n  max_request_tokens: 8000\n  max_review_tokens: 0\n  prices:\n    my-model: { input: 0.5, output: 2 }\n',
      SOURCE,
    );
    expect(config.llm).toMatchObject({ confidence_floor: 0.8, max_request_tokens: 8000, max_review_tokens: 0, prices: { 'my-model': { input: 0.5, output: 2 } } });
  });

  it('says how to fix a bad value, one line each', () => {
    expect(errorsOf('llm:\n  confidence_floor: 2\n  max_request_tokens: 10\n  prices:\n    m: { input: -1, output: 1 }\n')).toEqual([
      `${SOURCE}: llm.confidence_floor: expected a number from 0 to 1, got 2`,
      `${SOURCE}: llm.max_request_tokens: expected a whole number of tokens from 2,000 to 200,000, got 10`,
      `${SOURCE}: llm.prices.m.input: expected a price in US dollars per million tokens (a number >= 0), got -1`,
    ]);
  });
});
