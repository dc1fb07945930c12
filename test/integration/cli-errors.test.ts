import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'fixtures/demo/report-endpoint.diff');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argus-cli-'));
  writeFileSync(join(dir, 'binary.diff'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'latin1.diff'), Buffer.from('caf\xe9 au lait\nno diff here\n', 'latin1'));
  writeFileSync(join(dir, 'garbage.diff'), 'hello\nthis is not a diff\n');
  writeFileSync(join(dir, 'truncated.diff'), readDemoTruncated());
  writeFileSync(join(dir, 'bad.yml'), 'max_comments: lots\n');
  writeFileSync(join(dir, 'broken.yml'), 'rules: [unclosed\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo diff cut in the middle of its second hunk. */
function readDemoTruncated(): string {
  return readFileSync(DEMO, 'utf8').split('\n').slice(0, 20).join('\n') + '\n';
}

/** Every bad input: exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
async function expectOneLineError(args: string[], expected: string | RegExp): Promise<void> {
  const run = await runCli(args, { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (typeof expected === 'string') expect(lines[0]).toBe(expected);
  else expect(lines[0]).toMatch(expected);
}

describe('bad input gets exit 2 and one line that says what to fix', () => {
  it('a missing diff file', () =>
    expectOneLineError(['review', '--diff', 'nope.diff'], 'argus: diff file not found: nope.diff (check the path, or pass - to read stdin)'));

  it('a directory where a file is expected', () =>
    expectOneLineError(['review', '--diff', '.'], 'argus: diff file . is a directory; pass a file (for example: git diff main > change.diff)'));

  it('a binary file', () =>
    expectOneLineError(['review', '--diff', 'binary.diff'], 'argus: diff file binary.diff is binary, not text; pass a unified diff (for example: git diff main > change.diff)'));

  it('a non-UTF-8 file that is not a diff', () =>
    expectOneLineError(['review', '--diff', 'latin1.diff'], 'argus: diff file latin1.diff is not valid UTF-8 text and not a diff'));

  it('a garbage diff', () => expectOneLineError(['review', '--diff', 'garbage.diff'], /^argus: diff file garbage\.diff: not a unified diff/));

  it('a truncated diff', () => expectOneLineError(['review', '--diff', 'truncated.diff'], /^argus: diff file truncated\.diff: truncated diff/));

  it('an invalid config value', () =>
    expectOneLineError(['review', '--diff', DEMO, '--config', 'bad.yml'], /^argus: bad\.yml: max_comments: /));

  it('a config that is not valid YAML', () => expectOneLineError(['review', '--diff', DEMO, '--config', 'broken.yml'], /^argus: broken\.yml: /));

  it('a missing config file', () =>
    expectOneLineError(['review', '--diff', DEMO, '--config', 'missing.yml'], 'argus: config file missing.yml: not found (pass the path of an argus.yml)'));

  it('neither --diff nor --base', () =>
    expectOneLineError(['review'], 'argus: review needs exactly one of --diff FILE, --base REF or --pr owner/repo#123 (see argus review --help)'));

  it('--base outside a git repository', () =>
    expectOneLineError(['review', '--base', 'main'], /^argus: not inside a git repository: /));

  it('an unknown option', () => expectOneLineError(['review', '--dif', 'x'], /^argus: unknown option '--dif'/));

  it('a bad --fail-on value', () =>
    expectOneLineError(['review', '--diff', DEMO, '--fail-on', 'loud'], /^argus: option '--fail-on <severity>' argument 'loud' is invalid\. expected one of critical, high, medium, low, info/));

  it('a bad --format value', () => expectOneLineError(['review', '--diff', DEMO, '--format', 'xml'], /^argus: option '--format <format>' argument 'xml' is invalid/));

  it('--pr without a token', () =>
    expectOneLineError(['review', '--pr', 'octo/app#1'], 'argus: GITHUB_TOKEN is not set: export a token that can read the repository (and write pull requests, checks and issues for --post)'));

  it('--pr that is not a pull request', () =>
    expectOneLineError(['review', '--pr', 'octo/app'], 'argus: --pr "octo/app" is not a pull request: write owner/repo#123 or its URL'));

  it('--pr with --diff', () => expectOneLineError(['review', '--pr', 'octo/app#1', '--diff', DEMO], 'argus: review takes one of --diff, --base or --pr (see argus review --help)'));

  it('--post without --pr', () => expectOneLineError(['review', '--diff', DEMO, '--post'], 'argus: --post goes with --pr (argus review --pr owner/repo#123 --post)'));

  it('an unknown command', () => expectOneLineError(['revue'], /^argus: unknown command 'revue'/));

  it('a missing scan path', () => expectOneLineError(['scan', 'nowhere'], 'argus: no such file or directory: nowhere (pass files or folders to scan)'));
});

describe('help and version', () => {
  it('prints help with exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: argus');
    expect(run.stdout).toContain('review');
    expect(run.stdout).toContain('scan');
  });

  it('prints usage and exits 2 with no arguments', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: argus');
  });
});
