import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Severity } from '../../../../src/findings/finding.js';
import type { StaticInput } from '../../../../src/static/run-static-pass.js';
import { runSemgrepPass, type SemgrepPassOptions } from '../../../../src/static/semgrep/index.js';

const BIN_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'semgrep', 'bin');
const STUB = join(BIN_DIR, 'semgrep');
const scratch = mkdtempSync(join(tmpdir(), 'argus-semgrep-test-'));
const ARGS_FILE = join(scratch, 'args.json');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(ARGS_FILE, { force: true });
});

const asIs = (_id: string, s: Severity): Severity => s;
const options = (over: Partial<SemgrepPassOptions> = {}): SemgrepPassOptions => ({ enabled: true, binary: STUB, configs: ['p/default'], timeout_seconds: 30, ...over });

const VIEWS = [
  'import hashlib', // 1
  '', // 2
  'def handler(event):', // 3
  '    total = eval(event["expr"])', // 4
  '    digest = hashlib.md5(event["body"]).hexdigest()', // 5
  '    if event.get("user") == None:', // 6
  '        return eval(DEFAULT)', // 7
  '    legacy = eval(event["old"])  # nosemgrep', // 8
  // A bare marker: suppressions.ts does not yet accept "." in rule ids (semgrep/<check_id> has dots).
  '    # argus-ignore-next-line -- reviewed: x is a constant expression from the form schema', // 9
  '    return eval(event["x"])', // 10
  '',
].join('\n');
const changed = (...lines: number[]): StaticInput => ({ path: 'lambda/views.py', text: VIEWS, changedLines: new Set(lines) });

describe('runSemgrepPass with a Semgrep that works', () => {
  it('maps matches on changed lines to findings and leaves out the rest', async () => {
    vi.stubEnv('SEMGREP_STUB_ARGS_FILE', ARGS_FILE);
    const { findings, notes } = await runSemgrepPass([changed(4, 5, 6, 8, 10)], options(), asIs);
    expect(notes).toEqual([]);
    expect(findings.map((f) => [f.line, f.ruleId, f.severity, f.source, f.category])).toEqual([
      [4, 'semgrep/python.lang.security.audit.eval-detected.eval-detected', 'medium', 'semgrep', 'security'],
      [5, 'semgrep/python.lang.security.insecure-hash-algorithms.insecure-hash-algorithm-md5', 'medium', 'semgrep', 'security'],
      [6, 'semgrep/python.lang.correctness.none-comparison', 'low', 'semgrep', 'bug'],
    ]);
    expect(findings[1]!.suggestion).toBe('    digest = hashlib.sha256(event["body"]).hexdigest()');
    expect(findings[2]!.suggestion).toBe('    if event.get("user") is None:');
  });

  it('runs `semgrep scan --json` offline-friendly on copies of the files, and removes the copies', async () => {
    vi.stubEnv('SEMGREP_STUB_ARGS_FILE', ARGS_FILE);
    await runSemgrepPass([changed(4), { path: 'app/other.py', text: 'x = 1\n', changedLines: new Set<number>() }], options({ configs: ['p/default', 'tools/rules.yml'] }), asIs);
    const args = JSON.parse(readFileSync(ARGS_FILE, 'utf8')) as string[];
    // A local ruleset is resolved against the working directory when no root is given; registry names stay as they are.
    expect(args.slice(0, 8)).toEqual(['scan', '--json', '--quiet', '--metrics=off', '--disable-version-check', '--no-git-ignore', '--config=p/default', `--config=${resolve('tools/rules.yml')}`]);
    expect(args.slice(8)).toHaveLength(1); // files without changed lines are not scanned
    expect(args[8]).toMatch(/argus-semgrep-[^/\\]+[/\\]lambda[/\\]views\.py$/);
    expect(existsSync(args[8]!)).toBe(false);
  });

  it('resolves local rulesets against the repository root it is given, and leaves absolute paths and URLs alone', async () => {
    vi.stubEnv('SEMGREP_STUB_ARGS_FILE', ARGS_FILE);
    const root = join(scratch, 'repo');
    const configs = ['tools/rules.yml', './more.yaml', '/etc/semgrep/base.yml', 'https://example.com/r.yml', 'r/javascript.lang'];
    await runSemgrepPass([changed(4)], options({ configs, root }), asIs);
    const args = JSON.parse(readFileSync(ARGS_FILE, 'utf8')) as string[];
    expect(args.filter((a) => a.startsWith('--config='))).toEqual([
      `--config=${join(root, 'tools', 'rules.yml')}`,
      `--config=${join(root, 'more.yaml')}`,
      '--config=/etc/semgrep/base.yml',
      '--config=https://example.com/r.yml',
      '--config=r/javascript.lang',
    ]);
  });

  it('applies rule overrides from the config by `semgrep/<check_id>`', async () => {
    const severityOf = (id: string, s: Severity): Severity | 'off' =>
      id.endsWith('none-comparison') ? 'off' : id.endsWith('eval-detected') ? 'critical' : s;
    const { findings } = await runSemgrepPass([changed(4, 6)], options(), severityOf);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[4, 'critical']]);
  });

  it('finds `semgrep` on PATH when no binary is configured', async () => {
    vi.stubEnv('PATH', `${BIN_DIR}${delimiter}${process.env.PATH ?? ''}`);
    const { findings, notes } = await runSemgrepPass([changed(4)], options({ enabled: 'auto', binary: null }), asIs);
    expect(notes).toEqual([]);
    expect(findings).toHaveLength(1);
  });

  it('does not copy files whose path could leave the temporary folder', async () => {
    vi.stubEnv('SEMGREP_STUB_ARGS_FILE', ARGS_FILE);
    const evil: StaticInput = { path: '../../etc/cron.d/x.py', text: 'eval(x)\n', changedLines: new Set([1]) };
    expect(await runSemgrepPass([evil], options(), asIs)).toEqual({ findings: [], notes: [] });
    expect(existsSync(ARGS_FILE)).toBe(false);
  });
});

describe('runSemgrepPass when Semgrep is off, missing or failing', () => {
  it('does nothing when disabled', async () => {
    vi.stubEnv('SEMGREP_STUB_ARGS_FILE', ARGS_FILE);
    expect(await runSemgrepPass([changed(4)], options({ enabled: false }), asIs)).toEqual({ findings: [], notes: [] });
    expect(existsSync(ARGS_FILE)).toBe(false);
  });

  it('is silent when "auto" finds no semgrep, and says so when it was asked for', async () => {
    vi.stubEnv('PATH', scratch);
    expect(await runSemgrepPass([changed(4)], options({ enabled: 'auto', binary: null }), asIs)).toEqual({ findings: [], notes: [] });
    const asked = await runSemgrepPass([changed(4)], options({ enabled: true, binary: null }), asIs);
    expect(asked.notes).toEqual([
      'Semgrep pass skipped: `semgrep` was not found. Install Semgrep (`pip install semgrep`) or set `semgrep.binary`; `semgrep.enabled: auto` skips it silently when it is missing.',
    ]);
    const pointed = await runSemgrepPass([changed(4)], options({ enabled: 'auto', binary: join(scratch, 'semgrep') }), asIs);
    expect(pointed.notes[0]).toMatch(/^Semgrep pass skipped: `.*semgrep` was not found\./);
  });

  it('notes a failing run (an offline registry fetch exits 2) and says what works offline', async () => {
    vi.stubEnv('SEMGREP_STUB_MODE', 'error-exit');
    expect(await runSemgrepPass([changed(4)], options(), asIs)).toEqual({
      findings: [],
      notes: [
        'Semgrep pass failed: Semgrep exited with code 2 (Failed to download configuration from https://semgrep.dev/c/p/default HTTP 0: network unreachable). Registry rulesets (like `p/default`) need network access; local rule files work offline.',
      ],
    });
  });

  it('notes output that is not JSON, JSON that is not Semgrep output, and a crash without output', async () => {
    vi.stubEnv('SEMGREP_STUB_MODE', 'garbage');
    expect((await runSemgrepPass([changed(4)], options({ configs: ['rules/'] }), asIs)).notes).toEqual([
      'Semgrep pass failed: Semgrep exited with code 0 (ModuleNotFoundError: No module named semgrep).',
    ]);
    vi.stubEnv('SEMGREP_STUB_MODE', 'wrong-shape');
    expect((await runSemgrepPass([changed(4)], options(), asIs)).notes).toEqual([
      `Semgrep pass failed: its output is not Semgrep's JSON format (results: Invalid input: expected array, received undefined). Check that \`${STUB}\` is Semgrep 1.x.`,
    ]);
    vi.stubEnv('SEMGREP_STUB_MODE', 'silent-crash');
    expect((await runSemgrepPass([changed(4)], options(), asIs)).notes[0]).toBe(
      'Semgrep pass failed: Semgrep exited with code 139 (Segmentation fault). Registry rulesets (like `p/default`) need network access; local rule files work offline.',
    );
  });

  it('keeps the valid results when one is off-schema, and counts the rejected one', async () => {
    vi.stubEnv('SEMGREP_STUB_MODE', 'off-schema');
    const { findings, notes } = await runSemgrepPass([changed(4, 5)], options(), asIs);
    expect(findings.map((f) => f.line)).toEqual([5]);
    expect(notes).toEqual(["Semgrep: 1 result left out for not matching Semgrep's JSON format (the first: extra.severity: Invalid option: expected one of \"CRITICAL\"|\"HIGH\"|\"ERROR\"|\"MEDIUM\"|\"WARNING\"|\"LOW\"|\"INFO\"|\"EXPERIMENT\"|\"INVENTORY\")."]);
  });

  it('kills a run that outlasts the timeout and notes it', async () => {
    vi.stubEnv('SEMGREP_STUB_MODE', 'timeout');
    expect(await runSemgrepPass([changed(4)], options({ timeout_seconds: 1 }), asIs)).toEqual({
      findings: [],
      notes: ['Semgrep pass stopped after 1 s without results (`semgrep.timeout_seconds`). Raise the limit or use smaller rulesets in `semgrep.configs`.'],
    });
  });

  it('notes a binary that cannot be started', async () => {
    const notExecutable = join(BIN_DIR, '..', 'sample-output.json');
    const { notes } = await runSemgrepPass([changed(4)], options({ binary: notExecutable }), asIs);
    expect(notes[0]).toMatch(/^Semgrep pass skipped: `.*sample-output\.json` could not be started \(spawn .* EACCES\)\. Check that it is an executable Semgrep\.$/);
  });
});
