import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';

const rule = 'unreachable-code';

describe('unreachable-code', () => {
  it('flags the first statement after return, throw, break or continue in the same block', () => {
    const code = [
      'function f(x) {',
      '  if (x) {',
      '    return 1;',
      '    log(x);',
      '    log(x);',
      '  }',
      '  for (const y of x) { continue; use(y); }',
      '  while (x) { break; x--; }',
      '  throw new Error("no");',
      '  const late = 1;',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([4, 7, 8, 10]);
    expect(runRule(rule, code).find((f) => f.line === 4)!.message).toContain('`return` on line 3');
  });

  it('checks switch cases and static blocks', () => {
    expect(linesOf(rule, 'switch (x) {\n  case 1:\n    throw e;\n    y();\n  default:\n}')).toEqual([4]);
    expect(linesOf(rule, 'class A {\n  static {\n    throw new Error("x");\n    init();\n  }\n}')).toEqual([4]);
  });

  it('accepts hoisted declarations, type declarations and a redundant break after a jump', () => {
    const code = [
      'function f(x) {',
      '  return g();',
      '  function g() { return x; }',
      '  var later;',
      '  type T = number;',
      '  interface I { a: T }',
      '  ;',
      '}',
      'function h(x) {',
      '  switch (x) {',
      '    case 1:',
      '      return "one";',
      '      break;',
      '  }',
      '  if (x) return 1;',
      '  return 2;',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('reports a `var` with an initialiser (the assignment is dead) and class declarations', () => {
    expect(linesOf(rule, 'function f() {\n  return;\n  var x = 1;\n}')).toEqual([3]);
    expect(linesOf(rule, 'function f() {\n  return;\n  class A {}\n}')).toEqual([3]);
  });
});
