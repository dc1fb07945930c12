import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';

const rule = 'duplicate-keys';

describe('duplicate-keys', () => {
  it('flags the later of two equal keys, comparing identifiers, strings and numbers by value', () => {
    const code = ['const a = {', '  id: 1,', '  "id": 2,', '  1: "x",', '  0x1: "y",', "  '2': 1, 2: 2,", '};'].join('\n');
    expect(linesOf(rule, code)).toEqual([3, 5, 6]);
    expect(runRule(rule, code)[0]!.message).toContain('already defined on line 2');
    expect(runRule(rule, 'const o = { a: 1, a: 2 };')[0]!.message).toContain('earlier on this line');
  });

  it('flags a value and an accessor, or two getters, for the same key', () => {
    expect(linesOf(rule, 'const o = {\n  a: 1,\n  get a() { return 2; },\n};')).toEqual([3]);
    expect(linesOf(rule, 'const o = {\n  get a() { return 1; },\n  get a() { return 2; },\n};')).toEqual([3]);
    expect(linesOf(rule, 'const o = {\n  a() {},\n  a: 1,\n};')).toEqual([3]);
  });

  it('accepts getter/setter pairs, computed keys, spreads, case variants and destructuring', () => {
    const code = [
      'const o = { get a() { return 1; }, set a(v) {}, [k]: 1, [k]: 2, ...x, ...x, A: 1, a2: 2 };',
      'const { a, a: b } = o;',
      'const p = { "Content-Type": 1, "content-type": 2 };',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });
});
