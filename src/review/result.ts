import { z } from 'zod';
import { findingSchema, severitySchema, sourceSchema, SEVERITIES, type Finding, type Severity } from '../findings/finding.js';

/**
 * The JSON output contract (`argus review --format json`), version 1. Other tools read it:
 * add fields only, never rename or remove. Documented in docs/json-output.md; the JSON schema in
 * schema/review-output.schema.json is generated from this zod schema (npm run gen:schema).
 */
export const rejectionSchema = z.object({
  source: sourceSchema,
  /** Why the validation layer refused it (reason codes: see docs/json-output.md). */
  reason: z.string().min(1),
  path: z.string().optional(),
  line: z.number().int().optional(),
  title: z.string().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const skippedFileSchema = z.object({
  path: z.string(),
  /** e.g. binary, non-utf8, patch-missing, excluded, parse-error, too-large. */
  reason: z.string().min(1),
});
export type SkippedFile = z.infer<typeof skippedFileSchema>;

export const llmStatsSchema = z.object({
  calls: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type LlmStats = z.infer<typeof llmStatsSchema>;

export const summarySchema = z.object(
  Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().nonnegative()])) as Record<Severity, z.ZodNumber>,
);
export type SeveritySummary = Record<Severity, number>;

export const reviewResultSchema = z.object({
  version: z.literal(1),
  findings: z.array(findingSchema),
  rejected: z.array(rejectionSchema),
  summary: summarySchema,
  stats: z.object({
    files: z.number().int().nonnegative(),
    changedLines: z.number().int().nonnegative(),
    skippedFiles: z.array(skippedFileSchema),
    /** null when no LLM pass ran; `notes` then says why. */
    llm: llmStatsSchema.nullable(),
    durationMs: z.number().nonnegative(),
  }),
  /** Human-readable remarks every format shows, e.g. why the LLM pass was skipped. */
  notes: z.array(z.string()),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): SeveritySummary {
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeveritySummary;
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

export { severitySchema };
