import { describe, expect, it } from 'vitest';
import { findCatastrophicBacktracking } from '../../../../src/static/rules/security/hardening/redos/find-catastrophic-backtracking.js';
import { parseRegex } from '../../../../src/static/rules/security/hardening/redos/parse-regex.js';
import { redos } from '../../../../src/static/rules/security/redos.js';
import { graded, runRule } from './run-rule.js';

describe('parseRegex', () => {
  it('parses groups, alternation, quantifiers and escapes with source positions', () => {
    const ast = parseRegex('^(?:a|b\\d){2,5}?(?<n>x)\\k<n>[\\]a-]+$', 'u');
    expect(ast).toMatchObject({ type: 'sequence', start: 0, end: 36 });
    const items = ast?.type === 'sequence' ? ast.items.map((i) => i.type) : [];
    expect(items).toEqual(['assertion', 'quantifier', 'group', 'backreference', 'quantifier', 'assertion']);
    const q = ast?.type === 'sequence' ? ast.items[1] : undefined;
    expect(q).toMatchObject({ type: 'quantifier', min: 2, max: 5, start: 1, end: 16 });
  });

  it('treats an unparseable brace as a literal and returns null for invalid patterns', () => {
    expect(parseRegex('a{,3}', '')).toMatchObject({ type: 'sequence' });
    expect(parseRegex('(a', '')).toBeNull();
  });
});

describe('findCatastrophicBacktracking', () => {
  it.each([
    ['^(a+)+$', 'nested-quantifier'],
    ['^(\\w+\\s?)*$', 'nested-quantifier'],
    ['(.*a){12}', 'nested-quantifier'],
    ['^(a|aa)+$', 'overlapping-repetition'],
    ['^(a|b|ab)*c', 'overlapping-repetition'],
    ['^(\\w|\\d)+$', 'overlapping-alternation'],
    ['^([a-zA-Z0-9_.-])+@(([a-zA-Z0-9-])+\\.)+([a-zA-Z0-9]{2,4})+$', 'overlapping-repetition'],
    ['<([a-z]+)([^<]+)*(?:>(.*)<\\/\\1>|\\s+\\/>)', 'nested-quantifier'],
    ['^(?=(a+)+$)', 'nested-quantifier'],
  ])('flags %s (%s)', (source, kind) => {
    expect(findCatastrophicBacktracking(source, '')?.kind).toBe(kind);
  });

  it.each([
    '(a+)+', // nothing after the loop can fail: the first split is accepted
    '^(\\w+\\s)*$',
    '^([a-z0-9]+-)*[a-z0-9]+$',
    '^[\\w.-]+@[\\w-]+(\\.[\\w-]+)*$',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '^(a|b)*$',
    '^(ab|a)*c',
    '^\\d+(\\.\\d+)*$',
    '\\s+$', // polynomial, not exponential: out of scope
    '^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$',
  ])('does not flag %s', (source) => {
    expect(findCatastrophicBacktracking(source, 'i')).toBeNull();
  });

  it('gives a witness the repeated part matches in two ways', () => {
    const risk = findCatastrophicBacktracking('^(\\w+\\s?)*$', '');
    expect(risk).toEqual({ kind: 'nested-quantifier', fragment: '(\\w+\\s?)*', witness: 'aa' });
  });

  it('skips backreferences inside the loop and oversized patterns', () => {
    expect(findCatastrophicBacktracking('^((a)\\2+)+$', '')).toBeNull();
    expect(findCatastrophicBacktracking(`^(a+)+$${"x".repeat(20_000)}`, "")).toBeNull();
  });
});

describe('redos rule', () => {
  it('reports vulnerable literals and constant RegExp sources one grade below the rule (medium, 0.8)', () => {
    const code = ['const a = /^(\\w+\\s?)*$/;', 'const b = new RegExp("^(a|aa)+$");', 'const P = "^(\\\\d+)*$"; const c = new RegExp(P, "u");'].join('\n');
    expect(graded(runRule(redos, code))).toEqual([
      [1, 'medium', 0.8],
      [2, 'medium', 0.8],
      [3, 'medium', 0.8],
    ]);
  });

  it('reports patterns built from user input at high (0.85), and not those of unknown origin', () => {
    const code = ['new RegExp(query);', 'RegExp(term, "i");', 'new RegExp(`^${prefix}`);'].join('\n');
    expect(graded(runRule(redos, code, { taint: { query: 'tainted', term: 'unknown', prefix: 'unknown' } }))).toEqual([[1, 'high', 0.85]]);
  });

  it('does not report escaped input', () => {
    const code = [
      'new RegExp(escapeRegExp(q));',
      'new RegExp(_.escapeRegExp(q), "g");',
      'new RegExp("^" + RegExp.escape(q) + "$");',
      'new RegExp(q.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&"));',
    ].join('\n');
    expect(runRule(redos, code, { taint: { q: 'tainted' } })).toEqual([]);
  });

  it('names the attack in the message', () => {
    expect(runRule(redos, 'const r = /^(a+)+$/;')[0]?.message).toContain('"aaaaaaaaaaaaaaaaaaaaaaaa!"');
  });
});
