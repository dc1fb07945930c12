/**
 * Cached findings are stored with lines relative to their unit's first line, so a hunk that moved down the
 * file (lines inserted above it) still reuses its answer. Items are the model's raw output: only numeric
 * `line`/`endLine` are shifted; anything else is left for validation to judge.
 */
export function toRelativeFindings(findings: readonly unknown[], startLine: number): unknown[] {
  return findings.map((f) => shiftLines(f, 1 - startLine));
}

/** The inverse of {@link toRelativeFindings} for a unit that now starts at `startLine`. */
export function toAbsoluteFindings(findings: readonly unknown[], startLine: number): unknown[] {
  return findings.map((f) => shiftLines(f, startLine - 1));
}

function shiftLines(finding: unknown, delta: number): unknown {
  if (typeof finding !== 'object' || finding === null || Array.isArray(finding)) return finding;
  const copy: Record<string, unknown> = { ...(finding as Record<string, unknown>) };
  if (typeof copy['line'] === 'number') copy['line'] = copy['line'] + delta;
  if (typeof copy['endLine'] === 'number') copy['endLine'] = copy['endLine'] + delta;
  return copy;
}

/** The line a raw finding names, when it names one. */
export function lineOf(finding: unknown): number | null {
  if (typeof finding !== 'object' || finding === null) return null;
  const line = (finding as Record<string, unknown>)['line'];
  return typeof line === 'number' && Number.isInteger(line) ? line : null;
}

/** The path a raw finding names, when it names one. */
export function pathOf(finding: unknown): string | null {
  if (typeof finding !== 'object' || finding === null) return null;
  const path = (finding as Record<string, unknown>)['path'];
  return typeof path === 'string' ? path : null;
}
