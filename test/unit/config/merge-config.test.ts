import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, mergeConfig, parseConfig } from '../../../src/config/index.js';

const base = parseConfig('fail_on: critical\nrules:\n  self-comparison: high\npaths:\n  exclude: ["docs/**"]\n', 'argus.yml');

describe('mergeConfig', () => {
  it('applies a CLI flag over the file', () => {
    const merged = mergeConfig(base, { fail_on: 'low' });
    expect(merged).toEqual({ ...base, fail_on: 'low' });
    expect(base.fail_on).toBe('critical');
  });

  it('leaves values given as undefined alone', () => {
    expect(mergeConfig(base, { fail_on: undefined, llm: { model: undefined } })).toEqual(base);
  });

  it('merges mappings key by key and replaces lists', () => {
    const merged = mergeConfig(base, {
      rules: { 'await-in-foreach': 'off' },
      paths: { exclude: ['tmp/**'] },
      llm: { model: 'm' },
    });
    expect(merged.rules).toEqual({ 'self-comparison': 'high', 'await-in-foreach': 'off' });
    expect(merged.paths).toEqual({ include: ['**'], exclude: ['tmp/**'], exclude_defaults: true });
    expect(merged.llm).toEqual({ ...base.llm, enabled: true, model: 'm' });
  });

  it('works on the frozen defaults', () => {
    expect(mergeConfig(DEFAULT_CONFIG, { max_comments: 3 }).max_comments).toBe(3);
  });

  it('validates the result, naming the source', () => {
    const bad = { fail_on: 'loud' } as unknown as Parameters<typeof mergeConfig>[1];
    expect(() => mergeConfig(base, bad)).toThrow(ConfigError);
    expect(() => mergeConfig(base, bad, '--fail-on')).toThrow(
      '--fail-on: fail_on: expected "off" or a severity (critical, high, medium, low, info), got "loud"',
    );
  });
});
