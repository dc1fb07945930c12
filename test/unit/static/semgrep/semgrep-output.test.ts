import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapSemgrepResult, semgrepErrorSchema, semgrepOutputSchema, semgrepResultSchema } from '../../../../src/static/semgrep/index.js';

const SAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'semgrep', 'sample-output.json'), 'utf8')) as unknown;

describe("Semgrep's JSON output", () => {
  const output = semgrepOutputSchema.parse(SAMPLE);

  it('validates the sample, result by result and error by error', () => {
    expect(output.results.map((r) => semgrepResultSchema.safeParse(r).success)).toEqual([true, true]);
    expect(output.errors.map((e) => semgrepErrorSchema.safeParse(e).success)).toEqual([true]);
  });

  it('rejects a result without the fields Argus needs, with the reason', () => {
    const broken = { ...(output.results[0] as object), extra: { message: 'm', severity: 'SEVERE' } };
    const parsed = semgrepResultSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['extra', 'severity']);
    expect(semgrepResultSchema.safeParse({ check_id: 'x', path: 'a.py', start: { line: 0, col: 1 }, end: { line: 1, col: 1 }, extra: { message: '', severity: 'INFO' } }).success).toBe(false);
  });

  it('maps severity, category, confidence, title, message and rule id', () => {
    const [sql, strings] = output.results.map((r) => semgrepResultSchema.parse(r));
    expect(mapSemgrepResult(sql!, 'app/views.py', 'high', [])).toEqual({
      path: 'app/views.py',
      line: 24,
      endLine: 24,
      severity: 'high',
      category: 'security',
      source: 'semgrep',
      ruleId: 'semgrep/python.flask.security.injection.tainted-sql-string.tainted-sql-string',
      title: 'Tainted sql string',
      message:
        'Detected user input used to manually construct a SQL string. This is usually bad practice because manual construction could accidentally result in a SQL injection. (Semgrep rule `python.flask.security.injection.tainted-sql-string.tainted-sql-string`, CWE-89.)',
      confidence: 0.7,
    });
    expect(mapSemgrepResult(strings!, 'app/views.py', 'critical', [])).toMatchObject({ line: 40, endLine: 41, category: 'bug', confidence: 0.9, title: 'No strings as booleans' });
  });

  it("turns Semgrep's fix into a suggestion for the whole lines only when the columns are exact", () => {
    const result = semgrepResultSchema.parse({
      check_id: 'python.lang.security.insecure-hash-algorithms.insecure-hash-algorithm-md5',
      path: 'a.py',
      start: { line: 2, col: 12 },
      end: { line: 2, col: 24 },
      extra: { message: 'md5', severity: 'WARNING', fix: 'hashlib.sha256(' },
    });
    const lines = ['import hashlib', '    return hashlib.md5(data).hexdigest()'];
    expect(mapSemgrepResult(result, 'a.py', 'medium', lines).suggestion).toBe('    return hashlib.sha256(data).hexdigest()');
    expect(mapSemgrepResult(result, 'a.py', 'medium', ['', '    return hashlib.md5(dätä)']).suggestion).toBeUndefined();
    expect(mapSemgrepResult(result, 'a.py', 'medium', ['']).suggestion).toBeUndefined();
  });
});
