import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { RawFinding } from '../../findings/finding.js';
import type { RuleSeverityLookup, StaticInput } from '../run-static-pass.js';
import { redactSecrets } from '../secrets/index.js';
import { isSuppressed } from '../suppressions.js';
import { mapSemgrepResult, SEMGREP_SEVERITY, semgrepRuleId } from './map-semgrep-result.js';
import { semgrepErrorSchema, semgrepOutputSchema, semgrepResultSchema } from './semgrep-output-schema.js';
import { spawnSemgrep, type SemgrepRunner } from './spawn-semgrep.js';

/** The `semgrep` section of the config (structurally; static/ does not import config/). */
export interface SemgrepPassOptions {
  enabled: 'auto' | boolean;
  binary: string | null;
  configs: readonly string[];
  timeout_seconds: number;
  /**
   * The repository root: relative local `configs` paths (`tools/semgrep.yml`) are resolved against it, since the
   * scanned files are copies in a temporary folder and Argus's own working directory may be anywhere.
   * Registry names and URLs are passed as they are. Default: the process's working directory.
   */
  root?: string;
}

/** What the Semgrep pass adds to the review. */
export interface SemgrepPassResult {
  findings: RawFinding[];
  /** Why Semgrep did not run or what went wrong; empty when it ran cleanly or was skipped silently. */
  notes: string[];
}

/** Rulesets that Semgrep downloads (and so need network): registry names and URLs. */
const REGISTRY_CONFIG = /^(?:[prs]\/|auto$|https?:\/\/)/;

/** A local ruleset path made absolute against `root` (default: the working directory); registry names and URLs as they are. */
function configPath(config: string, root: string | undefined): string {
  return REGISTRY_CONFIG.test(config) || isAbsolute(config) ? config : root === undefined ? resolve(config) : resolve(root, config);
}

/**
 * The Semgrep pass: copies the changed files to a temporary folder (the pipeline has their new text, not a
 * checkout), runs `semgrep scan --json` on them with the configured rulesets, validates the output, and maps
 * each match to a `semgrep/<check_id>` finding, keeping those on changed lines that no
 * `argus-ignore-next-line` comment suppresses. Semgrep missing, failing, timing out or printing something
 * else than its JSON becomes a note, never an exception; with `enabled: auto` a missing Semgrep is silent.
 */
export async function runSemgrepPass(
  files: readonly StaticInput[],
  options: SemgrepPassOptions,
  severityOf: RuleSeverityLookup,
  runner: SemgrepRunner = spawnSemgrep,
): Promise<SemgrepPassResult> {
  const targets = files.filter((f) => f.changedLines.size > 0 && isSafeRelativePath(f.path));
  if (options.enabled === false || targets.length === 0) return { findings: [], notes: [] };
  const binary = options.binary ?? 'semgrep';
  const workDir = realpathSync(mkdtempSync(join(tmpdir(), 'argus-semgrep-')));
  try {
    for (const file of targets) {
      const target = join(workDir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    const args = [
      'scan',
      '--json',
      '--quiet',
      '--metrics=off',
      '--disable-version-check',
      '--no-git-ignore',
      // One token each, so a value can never be read as another flag.
      ...options.configs.map((c) => `--config=${configPath(c, options.root)}`),
      // Absolute paths: relative --config paths then resolve against Argus's own working directory.
      ...targets.map((f) => join(workDir, f.path)),
    ];
    const outcome = await runner({ binary, args, timeoutMs: options.timeout_seconds * 1000 });
    switch (outcome.kind) {
      case 'not-found':
        // "auto" means "if installed": only an explicit request (enabled: true, or a binary path) is worth a note.
        return options.enabled === 'auto' && options.binary === null
          ? { findings: [], notes: [] }
          : note(
              `Semgrep pass skipped: \`${binary}\` was not found. Install Semgrep (\`pip install semgrep\`) or set \`semgrep.binary\`; \`semgrep.enabled: auto\` skips it silently when it is missing.`,
            );
      case 'failed-to-start':
        return note(`Semgrep pass skipped: \`${binary}\` could not be started (${oneLine(outcome.reason)}). Check that it is an executable Semgrep.`);
      case 'timeout':
        return note(
          `Semgrep pass stopped after ${options.timeout_seconds} s without results (\`semgrep.timeout_seconds\`). Raise the limit or use smaller rulesets in \`semgrep.configs\`.`,
        );
      case 'output-too-large':
        return note('Semgrep pass stopped: its output exceeded 64 MiB. Use smaller rulesets in `semgrep.configs`.');
      case 'exited':
        return readOutput(outcome, options, targets, workDir, severityOf);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function readOutput(
  outcome: { code: number | null; signal: string | null; stdout: string; stderr: string },
  options: SemgrepPassOptions,
  targets: readonly StaticInput[],
  workDir: string,
  severityOf: RuleSeverityLookup,
): SemgrepPassResult {
  const notes: string[] = [];
  const exit = outcome.code === null ? `was killed by ${outcome.signal ?? 'a signal'}` : `exited with code ${outcome.code}`;
  const offlineHint = options.configs.some((c) => REGISTRY_CONFIG.test(c))
    ? ' Registry rulesets (like `p/default`) need network access; local rule files work offline.'
    : '';
  let json: unknown;
  try {
    json = JSON.parse(outcome.stdout);
  } catch {
    const detail = lastLine(outcome.stderr) ?? (outcome.stdout.trim() === '' ? 'no output' : 'output is not JSON');
    return note(`Semgrep pass failed: Semgrep ${exit} (${detail}).${offlineHint}`);
  }
  const output = semgrepOutputSchema.safeParse(json);
  if (!output.success) {
    return note(`Semgrep pass failed: its output is not Semgrep's JSON format (${firstIssue(output.error)}). Check that \`${options.binary ?? 'semgrep'}\` is Semgrep 1.x.`);
  }
  const errors = output.data.errors.map((e) => semgrepErrorSchema.safeParse(e)).flatMap((e) => (e.success ? [e.data] : []));
  const firstError = errors.find((e) => e.message)?.message;
  // Exit 1 is "findings found" under --error; anything else non-zero is a failure (2 fatal, 7 missing config, ...).
  if (outcome.code !== 0 && outcome.code !== 1) {
    notes.push(`Semgrep pass failed: Semgrep ${exit}${firstError ? ` (${oneLine(firstError)})` : lastLine(outcome.stderr) ? ` (${lastLine(outcome.stderr)})` : ''}.${offlineHint}`);
  } else if (output.data.errors.length > 0) {
    notes.push(
      `Semgrep could not analyse everything: ${output.data.errors.length} error${output.data.errors.length === 1 ? '' : 's'}${firstError ? `, the first: ${oneLine(firstError)}` : ''}.`,
    );
  }

  const byPath = new Map(targets.map((f) => [f.path, f]));
  const findings: RawFinding[] = [];
  let rejected = 0;
  let firstRejection = '';
  for (const raw of output.data.results) {
    const parsed = semgrepResultSchema.safeParse(raw);
    const file = parsed.success ? byPath.get(repoPath(parsed.data.path, workDir)) : undefined;
    if (!parsed.success || file === undefined) {
      rejected++;
      firstRejection ||= parsed.success ? `path ${oneLine(parsed.data.path)} is not a reviewed file` : firstIssue(parsed.error);
      continue;
    }
    const result = parsed.data;
    if (result.extra.is_ignored === true) continue;
    const ruleId = semgrepRuleId(result.check_id);
    const severity = severityOf(ruleId, SEMGREP_SEVERITY[result.extra.severity]);
    if (severity === 'off') continue;
    const lines = file.text.split(/\r?\n/);
    const finding = mapSemgrepResult(result, file.path, severity, lines);
    if (!touchesChangedLine(finding, file.changedLines) || isSuppressed(lines, finding.line, ruleId)) continue;
    findings.push(finding);
  }
  if (rejected > 0) {
    notes.push(`Semgrep: ${rejected} result${rejected === 1 ? '' : 's'} left out for not matching Semgrep's JSON format (the first: ${firstRejection}).`);
  }
  return { findings, notes };
}

function note(text: string): SemgrepPassResult {
  return { findings: [], notes: [text] };
}

/** Paths from a diff are repository-relative; anything that could escape the temporary folder is not copied. */
function isSafeRelativePath(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split(/[\\/]/).some((s) => s === '..' || s === '');
}

/** Semgrep prints targets as it was given them (absolute here); map back to the repository path. */
function repoPath(reported: string, workDir: string): string {
  const rel = relative(workDir, resolve(workDir, reported));
  return rel.startsWith('..') || isAbsolute(rel) ? '' : rel.split(sep).join('/');
}

function touchesChangedLine(f: RawFinding, changed: ReadonlySet<number>): boolean {
  for (let line = f.line; line <= f.endLine; line++) if (changed.has(line)) return true;
  return false;
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'top level'}: ${issue.message}` : 'unknown';
}

/** Tool output goes into review comments: one line, bounded, secrets redacted. */
function oneLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return redactSecrets(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

function lastLine(text: string): string | undefined {
  const lines = text.trim().split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length === 0 ? undefined : oneLine(lines[lines.length - 1]!);
}
