import type { Category, RawFinding, Severity } from '../../findings/finding.js';
import type { SemgrepResult } from './semgrep-output-schema.js';

/**
 * Semgrep severity -> Argus severity. Semgrep documents ERROR, WARNING and INFO as HIGH, MEDIUM and LOW;
 * EXPERIMENT and INVENTORY are not findings of a defect, so they become info.
 */
export const SEMGREP_SEVERITY: Readonly<Record<SemgrepResult['extra']['severity'], Severity>> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  ERROR: 'high',
  MEDIUM: 'medium',
  WARNING: 'medium',
  LOW: 'low',
  INFO: 'low',
  EXPERIMENT: 'info',
  INVENTORY: 'info',
};

/** Semgrep's `metadata.category` -> Argus category. */
const CATEGORY: Readonly<Record<string, Category>> = {
  security: 'security',
  correctness: 'bug',
  portability: 'bug',
  performance: 'performance',
  maintainability: 'maintainability',
  'best-practice': 'maintainability',
  'best-practices': 'maintainability',
  style: 'style',
};

/** Semgrep's `metadata.confidence` -> finding confidence. */
const CONFIDENCE: Readonly<Record<string, number>> = { HIGH: 0.9, MEDIUM: 0.7, LOW: 0.5 };

/** The rule id a Semgrep match is reported under, and configured by in `rules`. */
export function semgrepRuleId(checkId: string): string {
  return `semgrep/${checkId}`;
}

/**
 * Turns one validated Semgrep match into a finding. `path` is the repository path (Semgrep saw a temporary
 * copy), `severity` the one in force after config overrides, `lines` the file's lines (to build an exact
 * suggestion from Semgrep's `fix`).
 */
export function mapSemgrepResult(result: SemgrepResult, path: string, severity: Severity, lines: readonly string[]): RawFinding {
  const { extra } = result;
  const meta = extra.metadata ?? {};
  const cwe = [meta.cwe ?? []].flat()[0];
  const category = CATEGORY[(meta.category ?? '').toLowerCase()] ?? (cwe !== undefined ? 'security' : 'bug');
  const line = result.start.line;
  const endLine = Math.max(line, result.end.line);
  const finding: RawFinding = {
    path,
    line,
    endLine,
    severity,
    category,
    source: 'semgrep',
    ruleId: semgrepRuleId(result.check_id),
    title: titleOf(result.check_id),
    message: `${extra.message.trim()} (Semgrep rule \`${result.check_id}\`${cwe !== undefined ? `, ${cwe.split(':')[0]!.trim()}` : ''}.)`,
    confidence: CONFIDENCE[(meta.confidence ?? '').toUpperCase()] ?? 0.7,
  };
  const suggestion = extra.fix === undefined ? undefined : applyFix(lines, result, extra.fix);
  if (suggestion !== undefined) finding.suggestion = suggestion;
  return finding;
}

/** `python.lang.security.audit.eval-detected.eval-detected` -> `Eval detected`. */
function titleOf(checkId: string): string {
  const last = checkId.slice(checkId.lastIndexOf('.') + 1).replace(/[-_]+/g, ' ').trim();
  return last === '' ? checkId : last[0]!.toUpperCase() + last.slice(1);
}

/**
 * The matched lines with Semgrep's fix applied, or undefined when that cannot be done exactly: the lines
 * must exist and be ASCII (Semgrep's columns count bytes), and the columns must fall inside them.
 */
function applyFix(lines: readonly string[], result: SemgrepResult, fix: string): string | undefined {
  const first = lines[result.start.line - 1];
  const last = lines[result.end.line - 1];
  if (first === undefined || last === undefined || result.end.line < result.start.line) return undefined;
  const span = lines.slice(result.start.line - 1, result.end.line);
  // eslint-disable-next-line no-control-regex -- the check is for bytes above 0x7F, i.e. "not ASCII"
  if (span.some((l) => /[^\x00-\x7F]/.test(l))) return undefined;
  const startCol = result.start.col - 1;
  const endCol = result.end.col - 1;
  if (startCol > first.length || endCol > last.length) return undefined;
  return first.slice(0, startCol) + fix + last.slice(endCol);
}
