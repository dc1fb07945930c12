import { z } from 'zod';

/** Severities, most severe first. The order is used for ranking and thresholds. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const CATEGORIES = ['security', 'bug', 'performance', 'maintainability', 'style'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const SOURCES = ['static', 'llm', 'semgrep'] as const;
export const sourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof sourceSchema>;

/**
 * The one finding type every pass produces. Lines are 1-based line numbers of the NEW file
 * (the RIGHT side of the diff); `endLine >= line`.
 */
export const findingSchema = z
  .object({
    path: z.string().min(1),
    line: z.number().int().positive(),
    endLine: z.number().int().positive(),
    severity: severitySchema,
    category: categorySchema,
    source: sourceSchema,
    ruleId: z.string().min(1),
    title: z.string().min(1),
    message: z.string(),
    /** Replacement text for lines line..endLine (without a trailing newline). */
    suggestion: z.string().optional(),
    confidence: z.number().min(0).max(1),
    /** Stable id: path + rule + normalised code, never the line number. See fingerprint.ts. */
    fingerprint: z.string().min(1),
  })
  .refine((f) => f.endLine >= f.line, { message: 'endLine must be >= line', path: ['endLine'] });

export type Finding = z.infer<typeof findingSchema>;

/** A finding before it is fingerprinted (what rules and passes emit). */
export type RawFinding = Omit<Finding, 'fingerprint'>;

/** Rank of a severity: 0 for critical .. 4 for info. Lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at or above `threshold` (e.g. high is at or above medium). */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}
