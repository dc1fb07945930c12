import { describe, expect, it } from 'vitest';
import { analyzeFile, isAstAnalysable } from '../../../src/static/analyze-file.js';
import { AST_RULES } from '../../../src/static/registry.js';

const ALL = AST_RULES.map((rule) => ({ rule, severity: rule.doc.severity }));

/** Rule ids and lines flagged in `code` (a .ts file unless `path` says otherwise). */
function flagged(code: string, path = 'src/file.ts'): Array<[string, number]> {
  const result = analyzeFile(path, code, ALL);
  if (!result.ok) throw new Error(result.detail);
  return result.findings.map((f) => [f.ruleId, f.line]);
}

describe('code-injection', () => {
  it('flags eval, Function, string timers and vm with non-constant code', () => {
    const code = [
      'eval(userInput);',
      'const f = new Function("a", body);',
      'setTimeout("run(" + id + ")", 10);',
      'vm.runInNewContext(script, {});',
      'window.eval(`x${y}`);',
      'const g = Function(src);',
    ].join('\n');
    expect(flagged(code)).toEqual([
      ['code-injection', 1],
      ['code-injection', 2],
      ['code-injection', 3],
      ['code-injection', 4],
      ['code-injection', 5],
      ['code-injection', 6],
    ]);
  });

  it('stays quiet on constants and function timers', () => {
    const code = [
      'eval("1 + 1");',
      'new Function("a", "return a");',
      'setTimeout(() => run(id), 10);',
      'setTimeout(tick, 10);',
      'obj.eval(input);',
      'vm.runInNewContext("1 + 1");',
    ].join('\n');
    expect(flagged(code)).toEqual([]);
  });
});

describe('command-injection', () => {
  it('flags shell commands built from variables', () => {
    const code = [
      'import { exec } from "node:child_process";',
      'exec(`git log ${branch}`);',
      'child_process.execSync("ls " + dir);',
      'cp.exec(cmd, cb);',
      'spawn(cmd, [], { shell: true });',
    ].join('\n');
    expect(flagged(code)).toEqual([
      ['command-injection', 2],
      ['command-injection', 3],
      ['command-injection', 4],
      ['command-injection', 5],
    ]);
  });

  it('stays quiet on constant commands, argument arrays and unrelated exec methods (a program or SQL of unknown origin: info)', () => {
    const code = [
      'exec("git status");',
      'execFile("git", ["log", branch]);',
      'spawn("ls", [dir]);',
      'spawn(cmd, [], { shell: false });',
      'regex.exec(input);',
      'db.exec(sql);',
    ].join('\n');
    const result = analyzeFile('src/file.ts', code, ALL);
    expect(result.ok && result.findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`)).toEqual(['4 command-injection info', '6 sql-injection info']);
  });
});

describe('await-in-foreach', () => {
  it('flags async callbacks that await', () => {
    expect(flagged('items.forEach(async (x) => {\n  await save(x);\n});')).toEqual([['await-in-foreach', 1]]);
    expect(flagged('items.forEach(async function (x) { for await (const y of x) use(y); });')).toEqual([['await-in-foreach', 1]]);
  });

  it('stays quiet on sync callbacks, awaits in nested functions and for...of', () => {
    const code = [
      'items.forEach((x) => save(x));',
      'items.forEach(async (x) => { const f = async () => { await save(x); }; void f; });',
      'for (const x of items) { await save(x); }',
      'await Promise.all(items.map(async (x) => { await save(x); }));',
    ].join('\n');
    expect(flagged(code)).toEqual([]);
  });
});

describe('self-comparison', () => {
  it('flags a value compared with itself', () => {
    expect(flagged('if (a === a) {}\nif (this.x.y !== this.x .y) {}\nwhile (o["k"] < o["k"]) {}')).toEqual([
      ['self-comparison', 1],
      ['self-comparison', 2],
      ['self-comparison', 3],
    ]);
  });

  it('stays quiet on different operands, calls and arithmetic', () => {
    expect(flagged('if (a === b) {}\nif (rand() === rand()) {}\nconst d = a - a;\nif (o[i] === o[i]) {}')).toEqual([]);
  });
});

describe('the engine', () => {
  it('reports a file that does not parse instead of throwing', () => {
    expect(analyzeFile('src/broken.ts', 'function (', ALL)).toMatchObject({ ok: false, reason: 'parse-error' });
  });

  it('parses JSX by extension', () => {
    expect(flagged('const el = <div onClick={() => eval(code)} />;', 'src/view.tsx')).toEqual([['code-injection', 1]]);
    expect(analyzeFile('src/view.ts', 'const el = <div />;', ALL).ok).toBe(false);
  });

  it('knows which files it can read', () => {
    expect(['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts'].every(isAstAnalysable)).toBe(true);
    expect(['a.d.ts', 'a.py', 'README.md', 'Makefile'].some(isAstAnalysable)).toBe(false);
  });

  it('applies the severity in force and the rule metadata', () => {
    const result = analyzeFile('src/a.ts', 'eval(process.argv[2]);', [{ rule: AST_RULES.find((r) => r.doc.id === 'code-injection')!, severity: 'low' }]);
    expect(result).toMatchObject({
      ok: true,
      findings: [{ path: 'src/a.ts', line: 1, endLine: 1, severity: 'low', category: 'security', source: 'static', ruleId: 'code-injection', title: 'Code injection', confidence: 0.9 }],
    });
  });
});
