import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLangRules } from '../../../../src/static/lang/index.js';
import { RULE_DOCS } from '../../../../src/static/registry.js';

describe('the shipped rules (rules/ast-grep/)', () => {
  const { rules, errors } = loadLangRules();

  it('all load, validate and compile', () => {
    expect(errors).toEqual([]);
    expect(new Set(rules.map((r) => r.language))).toEqual(new Set(['python', 'go', 'java']));
  });

  it('cover the injection sinks of each language under the JS rule ids', () => {
    const byLanguage = (language: string): string[] => [...new Set(rules.filter((r) => r.language === language).map((r) => r.ruleId))].sort();
    expect(byLanguage('python')).toEqual(['code-injection', 'command-injection', 'path-traversal', 'sql-injection', 'ssrf', 'unsafe-deserialization']);
    expect(byLanguage('go')).toEqual(['command-injection', 'sql-injection']);
    expect(byLanguage('java')).toEqual(['command-injection', 'sql-injection']);
  });

  it('agree with the registered doc of their rule id (title, severity, category), so docs and config apply across languages', () => {
    const drift = rules.flatMap((r) => {
      const doc = RULE_DOCS.get(r.ruleId);
      if (!doc) return [];
      const mine = { title: r.title, severity: r.severity, category: r.category };
      const theirs = { title: doc.title, severity: doc.severity, category: doc.category };
      return JSON.stringify(mine) === JSON.stringify(theirs) ? [] : [`${r.file}: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`];
    });
    expect(drift).toEqual([]);
  });
});

describe('loadLangRules on a broken rules directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argus-lang-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const metadata = 'metadata: { argus-rule: code-injection, title: Code injection, category: security, severity: critical, sink: X }';
  const good = (id: string): string => `id: ${id}\nlanguage: python\nseverity: error\nmessage: m\n${metadata}\nrule: { pattern: eval($X) }\n`;
  mkdirSync(join(dir, 'python', 'utils'), { recursive: true });
  writeFileSync(join(dir, 'python', 'a-good.yml'), good('good-rule'));
  writeFileSync(join(dir, 'python', 'b-duplicate.yml'), good('good-rule'));
  writeFileSync(join(dir, 'python', 'c-bad-yaml.yml'), 'id: [unclosed\n');
  writeFileSync(join(dir, 'python', 'd-bad-schema.yml'), good('bad-schema').replace('severity: critical', 'severity: urgent'));
  writeFileSync(join(dir, 'python', 'e-bad-kind.yml'), good('bad-kind').replace('{ pattern: eval($X) }', '{ kind: no_such_kind }'));
  writeFileSync(join(dir, 'python', 'f-wrong-language.yml'), good('wrong-language').replace('language: python', 'language: go'));
  writeFileSync(join(dir, 'python', 'utils', 'bad-util.yml'), 'id: bad-util\nlanguage: python\n');

  it('keeps the good rules and explains each bad file', () => {
    const { rules, errors } = loadLangRules(dir);
    expect(rules.map((r) => r.id)).toEqual(['good-rule']);
    expect(errors).toHaveLength(6);
    expect(errors.join('\n')).toMatch(/python\/utils\/bad-util\.yml: rule: /);
    expect(errors.join('\n')).toMatch(/python\/b-duplicate\.yml: rule id "good-rule" is used by another rule file/);
    expect(errors.join('\n')).toMatch(/python\/c-bad-yaml\.yml: invalid YAML/);
    expect(errors.join('\n')).toMatch(/python\/d-bad-schema\.yml: metadata\.severity: /);
    expect(errors.join('\n')).toMatch(/python\/e-bad-kind\.yml: the rule does not compile/);
    expect(errors.join('\n')).toMatch(/python\/f-wrong-language\.yml: language is go, but the file is under python\//);
  });

  it('loads a directory once per process', () => {
    expect(loadLangRules(dir)).toBe(loadLangRules(dir));
  });
});
