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

const count = z.number().int().nonnegative();

export const llmStatsSchema = z.object({
  /** Calls made to the model, repair calls included. */
  calls: count,
  promptTokens: count,
  completionTokens: count,
  /** Estimated from the price table; 0 when the model's price is unknown (`priced: false`). */
  costUsd: z.number().nonnegative(),
  /** The model asked. */
  model: z.string(),
  /** Whether `costUsd` comes from a known price. */
  priced: z.boolean(),
  /** Requests planned (chunks of code), and how many failed (call failed, or invalid JSON twice). */
  requests: count,
  failedRequests: count,
  /** Review units (hunks) answered from the cache, and sent to the model. */
  cachedUnits: count,
  sentUnits: count,
  /** How structured output was asked for, after any fallback; null when nothing was sent. */
  responseFormat: z.enum(['json_schema', 'json_object', 'text']).nullable(),
  /** Accepted findings moved to the line their quote is on (within 5 lines). */
  moved: count,
  /** Suggestions dropped from accepted findings because they would not parse or change nothing. */
  suggestionsDropped: count,
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
