import { describe, expect, it } from 'vitest';
import { closestMatch, defaultConfig, effectiveRuleSeverity, parseConfig, unknownRuleIds } from '../../../src/config/index.js';

const config = parseConfig('rules:\n  self-comparison: critical\n  await-in-foreach: off\n  js/eval: info\n', 'argus.yml');

describe('effectiveRuleSeverity', () => {
  it('uses the override when there is one', () => {
    expect(effectiveRuleSeverity(config, 'self-comparison', 'medium')).toBe('critical');
    expect(effectiveRuleSeverity(config, 'js/eval', 'high')).toBe('info');
  });

  it('turns a rule off', () => {
    expect(effectiveRuleSeverity(config, 'await-in-foreach', 'high')).toBe('off');
  });

  it("falls back to the rule's own severity", () => {
    expect(effectiveRuleSeverity(config, 'code-injection', 'critical')).toBe('critical');
    expect(effectiveRuleSeverity(defaultConfig(), 'self-comparison', 'medium')).toBe('medium');
  });

  it('does not mistake Object.prototype members for overrides', () => {
    expect(effectiveRuleSeverity(config, 'constructor', 'low')).toBe('low');
    expect(effectiveRuleSeverity(config, 'tostring', 'low')).toBe('low');
  });
});

describe('unknownRuleIds', () => {
  it('lists ids that match no known rule, in file order', () => {
    expect(unknownRuleIds(config, ['self-comparison', 'code-injection'])).toEqual(['await-in-foreach', 'js/eval']);
    expect(unknownRuleIds(config, new Set(['self-comparison', 'await-in-foreach', 'js/eval']))).toEqual([]);
    expect(unknownRuleIds(defaultConfig(), [])).toEqual([]);
  });
});

describe('closestMatch', () => {
  const ids = ['self-comparison', 'await-in-foreach', 'code-injection', 'command-injection'];

  it('suggests the nearest id', () => {
    expect(closestMatch('self-comparsion', ids)).toBe('self-comparison');
    expect(closestMatch('command_injection', ids)).toBe('command-injection');
    expect(closestMatch('awaitInForEach', ids)).toBe('await-in-foreach');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('sql-injection', ['self-comparison'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});
