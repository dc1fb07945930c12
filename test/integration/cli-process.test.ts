import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'argus.js');

/** The real `argus` executable (bin/argus.js over the compiled dist/), as npx runs it. */
describe('the argus process', () => {
  it('reviews the Quickstart demo and exits 0', () => {
    const out = execFileSync(process.execPath, [BIN, 'review', '--diff', 'fixtures/demo/report-endpoint.diff', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    const result = JSON.parse(out) as { version: number; findings: Array<{ ruleId: string }> };
    expect(result.version).toBe(1);
    expect(result.findings.map((f) => f.ruleId)).toEqual([
      'hardcoded-secret',
      'hardcoded-secret',
      'code-injection',
      'command-injection',
      'await-in-foreach',
      'self-comparison',
    ]);
  });

  it('exits 1 on --fail-on and 2 with one line on bad input', () => {
    const fail = spawnSync(process.execPath, [BIN, 'review', '--diff', '-', '--fail-on', 'high'], {
      cwd: ROOT,
      input: readFileSync(join(ROOT, 'fixtures/demo/report-endpoint.diff')),
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(fail.status).toBe(1);
    const bad = spawnSync(process.execPath, [BIN, 'review', '--diff', 'missing.diff'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('argus: diff file not found: missing.diff (check the path, or pass - to read stdin)\n');
  });
});
