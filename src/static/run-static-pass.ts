import type { RawFinding, Severity } from '../findings/finding.js';
import { analyzeFile, isAstAnalysable, type EnabledRule } from './analyze-file.js';
import { analyzeLangFile, languageOf, loadLangRules, lowerSeverity, type EnabledLangRule } from './lang/index.js';
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

/** What the in-process static pass found, and what it could not do. */
export interface StaticPassResult {
  findings: RawFinding[];
  /** Files a pass could not read, e.g. `{ path, reason: 'parse-error' }`. */
  skippedFiles: Array<{ path: string; reason: string }>;
  /** Remarks for the review's notes, e.g. a rule file that did not load. */
  notes: string[];
}

/** Severity in force for a rule, or 'off' (from the repository config). */
export type RuleSeverityLookup = (ruleId: string, defaultSeverity: Severity) => Severity | 'off';

/** Where the pass finds its data; tests point it elsewhere. */
export interface StaticPassOptions {
  /** The ast-grep YAML rules (default: rules/ast-grep/ of the package). */
  langRulesDir?: string;
}

/**
 * The deterministic, in-process pass: AST rules on JS/TS files (parsed once each, one traversal for all
 * rules), ast-grep YAML rules on Python, Go and Java files (parsed once each), and the secrets scanner on
 * every text file. Keeps only findings that touch a changed line and are not suppressed by an
 * `argus-ignore-next-line` comment. Synchronous: Semgrep, the one external tool, runs in its own pass.
 */
export function runStaticPass(files: readonly StaticInput[], severityOf: RuleSeverityLookup, options: StaticPassOptions = {}): StaticPassResult {
  const rules: EnabledRule[] = [];
  for (const rule of AST_RULES) {
    const severity = severityOf(rule.doc.id, rule.doc.severity);
    if (severity !== 'off') rules.push({ rule, severity });
  }
  const secretSeverity = severityOf(HARDCODED_SECRET_RULE.id, HARDCODED_SECRET_RULE.severity);
  const notes: string[] = [];
  // Loaded only when a Python, Go or Java file changed: a JS-only review never loads the grammars.
  const langRules = files.some((f) => languageOf(f.path) !== null) ? enabledLangRules(severityOf, options, notes) : [];

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
    const language = languageOf(file.path);
    if (language !== null && langRules.length > 0) {
      const result = analyzeLangFile(file.path, file.text, language, langRules);
      if (result.ok) found.push(...result.findings.filter((f) => touchesChangedLine(f, file.changedLines)));
      else skippedFiles.push({ path: file.path, reason: result.reason });
    }
    if (secretSeverity !== 'off') found.push(...secretFindings(file, secretSeverity));
    if (found.length === 0) continue;
    const lines = file.text.split(/\r?\n/);
    findings.push(...found.filter((f) => !isSuppressed(lines, f.line, f.ruleId)));
  }
  return { findings, skippedFiles, notes };
}

function enabledLangRules(severityOf: RuleSeverityLookup, options: StaticPassOptions, notes: string[]): EnabledLangRule[] {
  const loaded = loadLangRules(options.langRulesDir);
  for (const error of loaded.errors) notes.push(`Static rules: ${error}`);
  const enabled: EnabledLangRule[] = [];
  for (const rule of loaded.rules) {
    const severity = severityOf(rule.ruleId, rule.severity);
    if (severity !== 'off') enabled.push({ rule, severity });
  }
  return enabled;
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
      // The generic heuristic is a guess: one grade lower and less sure.
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
