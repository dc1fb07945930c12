import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewOutputValidator, sarifValidator } from '../helpers/schema-validators.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'fixtures/demo/report-endpoint.diff');

describe('machine-readable output of a real review', () => {
  it('--format json matches the documented schema (schema/review-output.schema.json)', async () => {
    const run = await runCli(['review', '--diff', DEMO, '--format', 'json'], { cwd: ROOT });
    const validate = reviewOutputValidator();
    const out: unknown = JSON.parse(run.stdout);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    // The validator is not a pushover: a finding without a fingerprint is refused.
    const broken = JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0]!.fingerprint;
    expect(validate(broken)).toBe(false);
  });

  it('--format sarif is valid SARIF 2.1.0 with what GitHub code scanning reads', async () => {
    const run = await runCli(['review', '--diff', DEMO, '--format', 'sarif'], { cwd: ROOT });
    const log = JSON.parse(run.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; help: { text: string } }> } };
        results: Array<{ ruleId: string; level: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
      }>;
    };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [runLog] = log.runs;
    expect(runLog!.tool.driver.rules.map((r) => r.id)).toEqual(['await-in-foreach', 'code-injection', 'command-injection', 'hardcoded-secret', 'self-comparison']);
    expect(runLog!.tool.driver.rules.every((r) => r.help.text.length > 40)).toBe(true);
    expect(runLog!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['hardcoded-secret', 'error', 'src/server/config.js', 5],
      ['hardcoded-secret', 'error', 'src/server/config.js', 6],
      ['code-injection', 'error', 'src/server/report.ts', 11],
      ['command-injection', 'error', 'src/server/report.ts', 19],
      ['await-in-foreach', 'error', 'src/server/report.ts', 14],
      ['self-comparison', 'warning', 'src/server/report.ts', 18],
    ]);
    expect(runLog!.results.every((r) => /^[0-9a-f]{24}$/.test(r.partialFingerprints['argusFingerprint/v1']!))).toBe(true);
  });

  it('--format markdown is the summary comment followed by each line comment', async () => {
    const run = await runCli(['review', '--diff', DEMO, '--format', 'markdown'], { cwd: ROOT });
    expect(run.stdout.startsWith('<!-- argus:summary -->\n## Argus review\n')).toBe(true);
    expect(run.stdout.match(/<!-- argus:fp=[0-9a-f]{24} -->/g)).toHaveLength(6);
    expect(run.stdout).toContain('#### `src/server/report.ts:11`');
  });

  it('text output is coloured on a terminal and plain otherwise', async () => {
    const plain = await runCli(['review', '--diff', DEMO], { cwd: ROOT });
    const tty = await runCli(['review', '--diff', DEMO], { cwd: ROOT, tty: true });
    const noColor = await runCli(['review', '--diff', DEMO], { cwd: ROOT, tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(tty.stdout).toContain('\u001b[');
    expect(noColor.stdout).toBe(plain.stdout);
    expect(stripAnsi(tty.stdout)).toBe(plain.stdout);
  });
});

/** Removes SGR colour codes (ESC [ ... m). */
function stripAnsi(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}
