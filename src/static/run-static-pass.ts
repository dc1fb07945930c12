import type { RawFinding, Severity } from '../findings/finding.js';
import { analyzeFile, isAstAnalysable, type EnabledRule } from './analyze-file.js';
import { AST_RULES, HARDCODED_SECRET_RULE } from './registry.js';
import { maskSecret, scanSecrets } from './secrets/index.js';
import { isSuppressed } from './suppressions.js';

/** A changed text file as the static pass sees it. */
export interface StaticInput {
  path: string;
  text: string;
  /** New-file lines that count as changed: findings elsewhere are dropped. */
  changedLines: ReadonlySet<number>;
}

export interface StaticPassResult {
  findings: RawFinding[];
  /** Files the AST pass could not read, e.g. `{ path, reason: 'parse-error' }`. */
  skippedFiles: Array<{ path: string; reason: string }>;
}

/** Severity in force for a rule, or 'off' (from the repository config). */
export type RuleSeverityLookup = (ruleId: string, defaultSeverity: Severity) => Severity | 'off';

/**
 * The deterministic pass: AST rules on JS/TS files (parsed once each, one traversal for all rules) and
 * the secrets scanner on every text file. Keeps only findings that touch a changed line.
 */
export function runStaticPass(files: readonly StaticInput[], severityOf: RuleSeverityLookup): StaticPassResult {
  const rules: EnabledRule[] = [];
  for (const rule of AST_RULES) {
    const severity = severityOf(rule.doc.id, rule.doc.severity);
    if (severity !== 'off') rules.push({ rule, severity });
  }
  const secretSeverity = severityOf(HARDCODED_SECRET_RULE.id, HARDCODED_SECRET_RULE.severity);

  const findings: RawFinding[] = [];
  const skippedFiles: StaticPassResult['skippedFiles'] = [];
  for (const file of files) {
    if (file.changedLines.size === 0) continue;
    const found: RawFinding[] = [];
    if (rules.length > 0 && isAstAnalysable(file.path)) {
      const result = analyzeFile(file.path, file.text, rules);
      if (result.ok) found.push(...result.findings.filter((f) => touchesChangedLine(f, file.changedLines)));
      else skippedFiles.push({ path: file.path, reason: result.reason });
    }
    if (secretSeverity !== 'off') found.push(...secretFindings(file, secretSeverity));
    if (found.length === 0) continue;
    const lines = file.text.split(/\r?\n/);
    findings.push(...found.filter((f) => !isSuppressed(lines, f.line, f.ruleId)));
  }
  return { findings, skippedFiles };
}

function touchesChangedLine(f: RawFinding, changed: ReadonlySet<number>): boolean {
  for (let line = f.line; line <= f.endLine; line++) if (changed.has(line)) return true;
  return false;
}

function secretFindings(file: StaticInput, severity: Severity): RawFinding[] {
  return scanSecrets(file.text, file.changedLines).map((m) => {
    const provider = m.kind !== 'assigned-secret';
    return {
      path: file.path,
      line: m.line,
      endLine: m.line,
      // The generic heuristic is a guess: one grade lower (never below the configured grade's neighbour) and less sure.
      severity: provider ? severity : lowerSeverity(severity),
      category: 'security',
      source: 'static',
      ruleId: HARDCODED_SECRET_RULE.id,
      title: `${m.title} in code`,
      message: `Looks like a credential: ${m.title} (\`${maskSecret(m.value)}\`). Revoke it if it is real, then load it from the environment or a secret manager; it stays in git history even after this line is removed.`,
      confidence: provider ? 0.95 : 0.6,
    } satisfies RawFinding;
  });
}

function lowerSeverity(s: Severity): Severity {
  const order: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  return order[Math.min(order.indexOf(s) + 1, order.length - 1)]!;
}
