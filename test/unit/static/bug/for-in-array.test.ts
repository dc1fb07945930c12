import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';

const rule = 'for-in-array';

describe('for-in-array', () => {
  it('flags for...in over evident array expressions', () => {
    const code = [
      'for (const i in [1, 2]) {}',
      'for (const i in Array.from(set)) {}',
      'for (const i in new Array(3)) {}',
      'for (const k in Object.keys(o)) {}',
      'for (const i in rows.map((r) => r.id)) {}',
      'for (const i in csv.split(",")) {}',
      'for (const i in (list as string[])) {}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runRule(rule, 'for (const i in [1, 2]) {}')[0]).toMatchObject({ confidence: 0.95, severity: 'medium' });
  });

  it('flags variables every declaration in the file makes an array, even declared below the loop', () => {
    const code = [
      'function f(ids: string[], tags: Array<string>, ro: readonly number[], pair: [number, number]) {',
      '  for (const i in ids) {}',
      '  for (const i in tags) {}',
      '  for (const i in ro) {}',
      '  for (const i in pair) {}',
      '  for (const i in ROWS) {}',
      '  for (const i in names) {}',
      '}',
      'const ROWS = [];',
      'let names: string[] | undefined = undefined as unknown as string[];',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(runRule(rule, code)[0]!.confidence).toBe(0.85);
    expect(runRule(rule, code)[0]!.message).toContain('for (const item of ids)');
  });

  it('accepts objects, untyped and ambiguous names, and arguments', () => {
    const code = [
      'const obj = { a: 1 };',
      'for (const k in obj) {}',
      'function f(data, list: Record<string, number>) { for (const k in data) {} for (const k in list) {} }',
      'const items = [];',
      'function g(items: Map<string, number>) { for (const k in items) {} }',
      'function h() { for (const i in arguments) {} }',
      'import { rows } from "./rows";',
      'for (const k in rows) {}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('is not created for a file without `for` (the prefilter), and finds the issue once there is one', () => {
    const code = 'const ids = [1, 2];\nObject.keys(ids).map((i) => ids[i]);';
    expect(createRuleFilter(AST_RULES.filter((r) => r.doc.id === rule))(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
    expect(linesOf(rule, 'const ids = [1, 2];\nfor (const i in ids) {}')).toEqual([2]);
  });
});
