import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Severity } from '../../../../src/findings/finding.js';
import { runStaticPass, type StaticInput } from '../../../../src/static/run-static-pass.js';

const asIs = (_id: string, s: Severity): Severity => s;
const allLines = (text: string): Set<number> => new Set(text.split('\n').map((_, i) => i + 1));
const input = (path: string, text: string, changed?: number[]): StaticInput => ({ path, text, changedLines: changed ? new Set(changed) : allLines(text) });

const HANDLER = [
  'from flask import request',
  '',
  '@app.route("/run")',
  'def run():',
  '    cmd = request.args["cmd"]',
  '    os.system(cmd)',
  '    os.system(build_command())',
  '',
].join('\n');

describe('runStaticPass on Python, Go and Java', () => {
  it('reports a traced sink at the rule severity, an untraced one a grade lower and less sure', () => {
    const { findings } = runStaticPass([input('app/views.py', HANDLER)], asIs);
    expect(findings.map((f) => [f.line, f.ruleId, f.severity, f.confidence, f.category, f.title])).toEqual([
      [6, 'command-injection', 'critical', 0.9, 'security', 'Command injection'],
      [7, 'command-injection', 'high', 0.55, 'security', 'Command injection'],
    ]);
    expect(findings[0]!.message).toMatch(/comes from `request\.args` \(user input\)\.$/);
    expect(findings[1]!.message).toMatch(/not traced to user input; check where it comes from\.$/);
  });

  it('keeps only findings on changed lines', () => {
    const { findings } = runStaticPass([input('app/views.py', HANDLER, [7])], asIs);
    expect(findings.map((f) => f.line)).toEqual([7]);
  });

  it('applies config overrides by the shared rule id', () => {
    const off = runStaticPass([input('app/views.py', HANDLER)], (id, s) => (id === 'command-injection' ? 'off' : s));
    expect(off.findings).toEqual([]);
    const low = runStaticPass([input('app/views.py', HANDLER)], (id, s) => (id === 'command-injection' ? 'low' : s));
    expect(low.findings.map((f) => f.severity)).toEqual(['low', 'info']);
  });

  it('honours argus-ignore-next-line with a # comment', () => {
    const text = HANDLER.replace('    os.system(cmd)', '    # argus-ignore-next-line command-injection -- cmd is checked against ALLOWED above\n    os.system(cmd)');
    expect(runStaticPass([input('app/views.py', text)], asIs).findings.map((f) => f.line)).toEqual([8]);
  });

  it('carries on past a file that does not parse, and analyses what it can of it', () => {
    const garbage = 'def broken(:\n    eval(request.args["x"]\n)))) ]]\n';
    const go = 'package main\nfunc h(r *http.Request) {\n\texec.Command("sh", "-c", r.FormValue("c")).Run()\n}\n';
    const result = runStaticPass([input('broken.py', garbage), input('main.go', go), input('Empty.java', '')], asIs);
    expect(result.skippedFiles).toEqual([]);
    expect(result.findings.filter((f) => f.path === 'main.go').map((f) => [f.line, f.ruleId])).toEqual([[3, 'command-injection']]);
    expect(result.notes).toEqual([]);
  });

  it('runs secrets on Python files too', () => {
    const key = ['AKIA', 'Z7Q4R2M8K3W9T5X1'].join('');
    const { findings } = runStaticPass([input('settings.py', `AWS_KEY = "${key}"\n`)], asIs);
    expect(findings.map((f) => f.ruleId)).toEqual(['hardcoded-secret']);
  });
});

describe('runStaticPass with a rules directory that has a broken file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argus-lang-pass-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'python'), { recursive: true });
  writeFileSync(join(dir, 'python', 'broken.yml'), 'id: broken\n');

  it('turns the load error into a note and reviews the rest', () => {
    const result = runStaticPass([input('app.py', 'x = 1\n')], asIs, { langRulesDir: dir });
    expect(result.findings).toEqual([]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^Static rules: python\/broken\.yml: /);
  });

  it('does not load the YAML rules when no Python, Go or Java file changed', () => {
    expect(runStaticPass([input('index.js', 'let a = 1;\n')], asIs, { langRulesDir: join(dir, 'missing') }).notes).toEqual([]);
  });
});
