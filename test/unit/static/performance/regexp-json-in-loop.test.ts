import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from '../bug/run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';

const rule = 'regexp-json-in-loop';

describe('regexp-json-in-loop', () => {
  it('flags loop-invariant RegExps, g/y literals and JSON deep clones inside loop statements', () => {
    const code = [
      'function f(rows, prefix, defaults) {',
      '  for (const row of rows) {',
      '    const a = new RegExp("^x+$");',
      '    const b = RegExp(`^${prefix}`, "i");',
      '    const c = row.name.replace(/-+/g, "-");',
      '    const d = /\\d+/y;',
      '    const e = JSON.parse(JSON.stringify(defaults));',
      '    const g = JSON.parse(JSON.stringify(this.state.base));',
      '  }',
      '  let i = 0;',
      '  while (/a/g.test(rows[i++])) {}',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([3, 4, 5, 6, 7, 8, 11]);
    const found = runRule(rule, code);
    expect(found[0]).toMatchObject({ severity: 'low', category: 'performance' });
    expect(found.find((f) => f.line === 4)!.message).toContain('`prefix`');
    expect(found.find((f) => f.line === 5)!.message).toContain('lastIndex');
    expect(found.find((f) => f.line === 7)!.message).toContain('structuredClone');
  });

  it('accepts values that change per iteration, callbacks, caches and code outside loops', () => {
    const code = [
      'const TOP = new RegExp("^x$", "g");',
      'function f(rows, terms, state) {',
      '  for (const term of terms) {',
      '    const byTerm = new RegExp(term, "i");',
      '    const esc = new RegExp(escape(term));',
      '    const plain = /\\w+/;',
      '    state.push(term);',
      '    const snap = JSON.parse(JSON.stringify(state));',
      '    const row = JSON.parse(JSON.stringify(rows[term]));',
      '    rows.map((r) => r.replace(/\\s+/g, " "));',
      '    cached ??= new RegExp("^a$");',
      '  }',
      '  let acc = {};',
      '  for (let i = 0; i < 3; i++) { acc = JSON.parse(JSON.stringify(acc)); acc.n = i; }',
      '  for (const row of new RegExp("a", "g").exec(rows) ?? []) use(row);',
      '  return JSON.parse(JSON.stringify(state));',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('reports once per line', () => {
    expect(linesOf(rule, 'for (const p of parts) out.push(p.replace(/~1/g, "/").replace(/~0/g, "~"));')).toEqual([1]);
  });

  it('counts what nested loops and functions inside the loop change', () => {
    const code = [
      'function f(rows, a, b, c, d) {',
      '  for (const row of rows) {',
      '    for (const x of row) a = x;',
      '    row.forEach((y) => { b.push(y); });',
      '    const g = function (c) { return c; };',
      '    function h() { d.n++; }',
      '    const ra = new RegExp(a);',
      '    const rb = new RegExp(b);',
      '    const rc = new RegExp(c);',
      '    const rd = new RegExp(d.n);',
      '    const rows2 = JSON.parse(JSON.stringify(rows));',
      '  }',
      '}',
    ].join('\n');
    // `a` is assigned in an inner loop, `b` pushed to in a callback, `c` a parameter and `d` mutated in nested functions.
    expect(linesOf(rule, code)).toEqual([11]);
  });

  it('leaves regexes in the once-run parts of a loop and in functions the loop only defines', () => {
    const code = [
      'for (let re = /a/g, i = 0; i < 3; i++) use(re);',
      'for (const p of s.split(/,/g)) use(p);',
      'while (more()) { const test = (s) => s.replace(/x/g, ""); use(test); }',
      'for (const p of ps) { for (const q of p.split(/;/g)) use(q); }',
    ].join('\n');
    // Line 4: the inner iterable runs once per outer iteration.
    expect(linesOf(rule, code)).toEqual([4]);
  });

  it('is not created for a file without `for` or `while` (the prefilter), and finds the issue once there is one', () => {
    const code = 'rows.map((r) => r.replace(/\\s+/g, " ")); const re = new RegExp("^x$");';
    expect(createRuleFilter(AST_RULES.filter((r) => r.doc.id === rule))(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
    expect(linesOf(rule, 'do { const re = new RegExp("^x$"); use(re); } while (more());')).toEqual([1]);
  });
});
