import { z } from 'zod';

/**
 * The parts of `semgrep scan --json` output Argus reads (format: semgrep-interfaces' semgrep_output_v1.atd,
 * `cli_output`). Objects are loose: Semgrep adds fields over time and they must not break the adapter.
 * Results are validated one by one (see `semgrepResultSchema`), so one odd result costs only itself.
 */
export const semgrepOutputSchema = z.looseObject({
  version: z.string().optional(),
  results: z.array(z.unknown()),
  errors: z.array(z.unknown()),
});

const positionSchema = z.looseObject({
  line: z.number().int().positive(),
  /** 1-based; Semgrep counts bytes, so it equals the character column only on ASCII lines. */
  col: z.number().int().positive(),
  offset: z.number().int().optional(),
});

/** Semgrep's rule severities: the legacy three, the 2024 four, and two internal ones. */
export const SEMGREP_SEVERITIES = ['CRITICAL', 'HIGH', 'ERROR', 'MEDIUM', 'WARNING', 'LOW', 'INFO', 'EXPERIMENT', 'INVENTORY'] as const;

/** One match (`cli_match`). */
export const semgrepResultSchema = z.looseObject({
  check_id: z.string().min(1),
  path: z.string().min(1),
  start: positionSchema,
  end: positionSchema,
  extra: z.looseObject({
    message: z.string(),
    severity: z.enum(SEMGREP_SEVERITIES),
    metadata: z
      .looseObject({
        cwe: z.union([z.string(), z.array(z.string())]).optional(),
        confidence: z.string().optional(),
        category: z.string().optional(),
      })
      .optional(),
    fix: z.string().optional(),
    /** Set for matches silenced with a `nosemgrep` comment. */
    is_ignored: z.boolean().optional(),
  }),
});
/** A validated Semgrep match. */
export type SemgrepResult = z.infer<typeof semgrepResultSchema>;

/** One error (`cli_error`); `type` is a string or, for some kinds, a tagged array. */
export const semgrepErrorSchema = z.looseObject({
  code: z.number().int().optional(),
  level: z.string(),
  type: z.unknown(),
  message: z.string().optional(),
  path: z.string().optional(),
  rule_id: z.string().optional(),
});
/** A validated Semgrep error. */
export type SemgrepError = z.infer<typeof semgrepErrorSchema>;
