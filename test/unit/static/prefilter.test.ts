import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, isAstAnalysable, type EnabledRule } from '../../../src/static/analyze-file.js';
import { createRuleFilter, trieSource } from '../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../src/static/registry.js';
import type { StaticRule } from '../../../src/static/rule.js';

/** A rule that records the files it was created for and reports every CallExpression. */
function probe(id: string, needs?: readonly string[]): { rule: StaticRule; created: string[] } {
  const created: string[] = [];
  const rule: StaticRule = {
    doc: { id, title: id, severity: 'low', category: 'bug', help: '' },
    ...(needs === undefined ? {} : { needs }),
    create(ctx) {
      created.push(ctx.path);
      return { CallExpression: (node) => ctx.report({ node, message: 'call' }) };
    },
  };
  return { rule, created };
}

describe('createRuleFilter', () => {
  it('runs a rule when one of its words occurs, case-sensitively, and always runs rules without words', () => {
    const rules = [probe('jwt', ['jwt', 'jose']).rule, probe('any').rule, probe('sync', ['Sync']).rule];
    const filter = createRuleFilter(rules);
    expect(filter('const t = jose.decodeJwt(x);')).toEqual([true, true, false]);
    expect(filter('async function f() {}')).toEqual([false, true, false]);
    expect(filter('fs.readFileSync(p)')).toEqual([false, true, true]);
  });

  it('finds a word that starts inside another match, and one that is a prefix of a longer word', () => {
    const rules = [probe('a', ['jose']).rule, probe('b', ['session']).rule, probe('c', ['exec']).rule, probe('d', ['execa']).rule];
    const filter = createRuleFilter(rules);
    // `jose` matches at 0; `session` starts at 2, inside that match.
    expect(filter('josession')).toEqual([true, true, false, false]);
    // At the same position the longest word (`execa`) is matched; `exec` is its prefix and counts too.
    expect(filter('execa(cmd)')).toEqual([false, false, true, true]);
  });

  it('runs every rule on a text with an escape that can spell a name', () => {
    const filter = createRuleFilter([probe('a', ['eval']).rule, probe('b', ['exec']).rule]);
    expect(filter('let x = 1;')).toEqual([false, false]);
    for (const text of ['ev\\u0061l(x)', "cp['ex\\x65c'](c)", "cp['ex\\145c'](c)", "cp['ex\\\nec'](c)", "cp['ex\\\r\nec'](c)"]) {
      expect(filter(text), text).toEqual([true, true]);
    }
    // Other escapes spell no letter.
    expect(filter("'a\\nb\\t'")).toEqual([false, false]);
  });

  it('finds an escaped call with the prefilter as without it', () => {
    const rules: EnabledRule[] = AST_RULES.map((rule) => ({ rule, severity: 'info' }));
    const code = "import cp from 'node:child_process';\nexport function run(req: any) {\n  ev\\u0061l(req.query.code);\n  cp.ex\\u0065c(req.query.cmd);\n}\n";
    const withFilter = analyzeFile('src/a.ts', code, rules);
    expect(withFilter).toEqual(analyzeFile('src/a.ts', code, rules, { prefilter: false }));
    expect(withFilter.ok && withFilter.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['3 code-injection', '4 command-injection']);
  });

  it('treats regular-expression characters in words literally', () => {
    const filter = createRuleFilter([probe('a', ['a.b']).rule]);
    expect(filter('axb')).toEqual([false]);
    expect(filter('a.b')).toEqual([true]);
  });
});

describe('trieSource', () => {
  it('matches the longest word at each position, as a longest-first alternation of the words does', () => {
    const words = ['for', 'forEach', 'fork', 'f', 'fs', 'exec', 'execa', 'execSync', '$queryRawUnsafe', 'cookie-parser', 'a.b', '\\u', '\\\n'];
    const flat = new RegExp(
      [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'g',
    );
    const trie = new RegExp(trieSource(words), 'g');
    const text = "forEach(fork); f(fs); execa(execSync, exec); db.$queryRawUnsafe(q); require('cookie-parser'); a.b axb '\\u0061' '\\\nx' forE";
    const all = (re: RegExp): string[] => {
      const out: string[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        out.push(`${m.index}:${m[0]}`);
        re.lastIndex = m.index + 1;
      }
      return out;
    };
    expect(all(trie)).toEqual(all(flat));
    expect(all(trie)).toContain('0:forEach');
    expect(all(trie)).toContain('8:fork');
  });
});

describe('analyzeFile prefilter', () => {
  it('does not create a rule whose words are absent, and creates it when one is present', () => {
    const skipped = probe('skipped', ['jsonwebtoken']);
    const kept = probe('kept', ['fetch']);
    const rules: EnabledRule[] = [skipped, kept].map(({ rule }) => ({ rule, severity: 'low' }));
    const result = analyzeFile('src/a.ts', 'await fetch(url);', rules);
    expect(skipped.created).toEqual([]);
    expect(kept.created).toEqual(['src/a.ts']);
    expect(result.ok && result.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 kept']);
    const unfiltered = analyzeFile('src/a.ts', 'await fetch(url);', rules, { prefilter: false });
    expect(skipped.created).toEqual(['src/a.ts']);
    expect(unfiltered.ok && unfiltered.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 skipped', '1 kept']);
  });

  const ROOT = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'static');
  const files = readdirSync(ROOT, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && isAstAnalysable(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
  const enabled: EnabledRule[] = AST_RULES.map((rule) => ({ rule, severity: 'info' }));

  it.each(files)('%s: the same findings with and without the prefilter', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const withFilter = analyzeFile(file, text, enabled);
    const without = analyzeFile(file, text, enabled, { prefilter: false });
    expect(withFilter).toEqual(without);
    expect(withFilter.ok && withFilter.findings.length).toBeGreaterThan(0);
  });

  it('skips rules on real files: the fixtures of one rule do not create the others', () => {
    const text = readFileSync(join(ROOT, 'bug/self-comparison.ts'), 'utf8');
    const filter = createRuleFilter(AST_RULES);
    const skipped = AST_RULES.filter((_, i) => !filter(text)[i]).map((r) => r.doc.id);
    expect(skipped).toContain('jwt-misuse');
    expect(skipped).toContain('weak-crypto');
  });
});
