import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'fixtures/demo/report-endpoint.diff');

interface JsonOut {
  findings: Array<{ path: string; line: number; ruleId: string; severity: string; message: string; fingerprint: string }>;
  stats: { files: number; changedLines: number; skippedFiles: Array<{ path: string; reason: string }>; llm: unknown };
  notes: string[];
}

const brief = (out: JsonOut) => out.findings.map((f) => `${f.path}:${f.line} ${f.ruleId} ${f.severity}`);

describe('argus review --diff on the demo change', () => {
  it('reports exactly the planted problems, most severe first', async () => {
    const run = await runCli(['review', '--diff', DEMO, '--format', 'json'], { cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOut;
    expect(brief(out)).toEqual([
      'src/server/config.js:5 hardcoded-secret critical',
      'src/server/config.js:6 hardcoded-secret critical',
      'src/server/report.ts:11 code-injection critical',
      'src/server/report.ts:19 command-injection critical',
      'src/server/report.ts:14 await-in-foreach high',
      'src/server/report.ts:18 self-comparison medium',
    ]);
    expect(out.stats).toMatchObject({ files: 2, changedLines: 28, skippedFiles: [], llm: null });
    expect(out.notes).toEqual([
      'LLM pass skipped: OPENAI_API_KEY is not set: export it (or OPENAI_BASE_URL for a local server, or AZURE_OPENAI_ENDPOINT for Azure) to enable the LLM pass',
    ]);
  });

  it('never prints a secret it found, in any format', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const run = await runCli(['review', '--diff', DEMO, '--format', format], { cwd: ROOT });
      expect(run.stdout).not.toContain('AKIAIOSFODNN7EXAMPLE');
      expect(run.stdout).not.toContain('Wq8vRt2LpZx9');
    }
  });

  it('says in every format that the LLM pass was skipped, and why', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const run = await runCli(['review', '--diff', DEMO, '--format', format, '--no-llm'], { cwd: ROOT });
      expect(run.stdout, format).toContain('LLM pass skipped: disabled by --no-llm');
    }
  });

  it('reads the diff from stdin with -', async () => {
    const run = await runCli(['review', '--diff', '-', '--format', 'json'], { cwd: ROOT, stdin: readFileSync(DEMO) });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonOut).findings).toHaveLength(6);
  });

  it('exits 1 when a finding meets --fail-on, 0 when none does', async () => {
    expect((await runCli(['review', '--diff', DEMO, '--fail-on', 'critical'], { cwd: ROOT })).code).toBe(1);
    const quiet = await runCli(['review', '--diff', DEMO, '--fail-on', 'high', '--config', join(ROOT, 'fixtures/config/only-style.yml')], { cwd: ROOT });
    expect(quiet.stderr).toBe('');
    expect(quiet.code).toBe(0);
  });
});

describe('argus review --base', () => {
  let repo: TempRepo;
  afterEach(() => repo?.remove());

  function buildRepo(): TempRepo {
    repo = createTempRepo();
    repo.write('src/app.ts', ['export function run(req: { query: { code: string } }) {', '  return req.query.code.length;', '}', ''].join('\n'));
    repo.write('src/util.js', 'export const one = 1;\n');
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(
      'src/app.ts',
      ['export function run(req: { query: { code: string } }) {', '  const value = eval(req.query.code);', '  if (value === value) return 1;', '  return req.query.code.length;', '}', ''].join('\n'),
    );
    repo.write('src/util.js', 'export const one = 1;\nexport const token = "ghp_' + 'a'.repeat(36) + '";\n');
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 2]));
    repo.write('docs/latin1.txt', Buffer.from('caf\xe9 password\n', 'latin1'));
    repo.commitAll('feature');
    return repo;
  }

  it('reports the same findings as --diff for the same change', async () => {
    buildRepo();
    const viaBase = await runCli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo.dir });
    const viaWorkTree = await runCli(['review', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    repo.write('change.diff', repo.git('diff', 'main...feature'));
    const viaDiff = await runCli(['review', '--diff', 'change.diff', '--format', 'json'], { cwd: repo.dir });
    // The same diff again, reviewed from a folder that does not hold the files: rebuilt from the hunks.
    const viaDiffElsewhere = await runCli(['review', '--diff', join(repo.dir, 'change.diff'), '--format', 'json'], { cwd: ROOT });

    const base = JSON.parse(viaBase.stdout) as JsonOut;
    expect(brief(base)).toEqual(['src/util.js:2 hardcoded-secret critical', 'src/app.ts:2 code-injection critical', 'src/app.ts:3 self-comparison medium']);
    for (const other of [viaWorkTree, viaDiff, viaDiffElsewhere]) {
      expect(other.code).toBe(0);
      const out = JSON.parse(other.stdout) as JsonOut;
      expect(out.findings.map((f) => [f.path, f.line, f.ruleId, f.fingerprint])).toEqual(base.findings.map((f) => [f.path, f.line, f.ruleId, f.fingerprint]));
    }
  });

  it('skips binary and non-UTF-8 files inside the change and lists them', async () => {
    buildRepo();
    const run = await runCli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo.dir });
    expect((JSON.parse(run.stdout) as JsonOut).stats.skippedFiles).toEqual([
      { path: 'docs/latin1.txt', reason: 'non-utf8' },
      { path: 'logo.png', reason: 'binary' },
    ]);
    repo.write('change.diff', repo.git('diff', 'main...feature'));
    const viaDiff = await runCli(['review', '--diff', '../change.diff', '--format', 'json'], { cwd: join(repo.dir, 'docs') });
    expect(viaDiff.stderr).toBe('');
    expect((JSON.parse(viaDiff.stdout) as JsonOut).stats.skippedFiles).toEqual([
      { path: 'docs/latin1.txt', reason: 'non-utf8' },
      { path: 'logo.png', reason: 'binary' },
    ]);
  });

  it('reads the config from the base revision, not from the change', async () => {
    buildRepo();
    repo.write('.github/argus.yml', 'rules:\n  code-injection: "off"\n');
    repo.commitAll('try to switch the rule off in the change itself');
    const run = await runCli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo.dir });
    expect(brief(JSON.parse(run.stdout) as JsonOut)).toContain('src/app.ts:2 code-injection critical');
  });
});
