import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from '../bug/run-rule.js';

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
});
