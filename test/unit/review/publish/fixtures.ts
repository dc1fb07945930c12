import type { Finding, Severity } from '../../../../src/findings/finding.js';
import type { RenderContext } from '../../../../src/render/context.js';
import { summarize, type ReviewResult } from '../../../../src/review/result.js';

export const CTX: RenderContext = { rules: new Map(), color: false, toolVersion: '0.1.0' };

export const BASE = '1111111111111111111111111111111111111111';
export const HEAD_1 = 'abc1234def5678abc1234def5678abc1234def56';
export const HEAD_2 = 'def5678abc1234def5678abc1234def5678abc12';

/** A finding at `path:line` (one line unless `endLine` is given), fingerprint derived from its fields. */
export function finding(severity: Severity, path: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    path,
    line,
    endLine: line,
    severity,
    category: 'bug',
    source: 'static',
    ruleId: `rule-${severity}`,
    title: `${severity} problem`,
    message: `Why the ${severity} problem matters.`,
    confidence: 0.9,
    fingerprint: `fp-${severity}-${path}-${line}`,
    ...overrides,
  };
}

/** A result holding exactly `findings` (none over the comment limit). */
export function resultOf(findings: Finding[], overrides: Partial<ReviewResult> = {}): ReviewResult {
  return {
    version: 1,
    findings,
    rejected: [],
    summary: summarize(findings),
    stats: { files: 2, changedLines: 40, skippedFiles: [], llm: null, durationMs: 10 },
    notes: [],
    ...overrides,
  };
}

export const CRITICAL = finding('critical', 'src/a.ts', 3);
export const HIGH_RANGE = finding('high', 'src/a.ts', 10, { endLine: 14 });
export const MEDIUM = finding('medium', 'src/b.ts', 7);
export const LOW = finding('low', 'src/b.ts', 20, { suggestion: 'const x = 1;' });
export const INFO = finding('info', 'src/c.ts', 1);
export const FIVE = [CRITICAL, HIGH_RANGE, MEDIUM, LOW, INFO];
