import { z } from 'zod';
import { CATEGORIES, SEVERITIES, categorySchema, severitySchema } from '../findings/finding.js';

/**
 * Upper bounds on the model's strings, so a hostile or looping model cannot flood a pull request
 * (or the JSON output) with megabytes of text. A finding over a bound is a `schema` rejection.
 */
export const LLM_OUTPUT_LIMITS = {
  path: 1000,
  title: 200,
  body: 4000,
  quote: 2000,
  suggestion: 8000,
} as const;

const NOT_BLANK = /\S/;

/**
 * One finding as the model must write it (the model's contract, not Argus's `Finding`). Strict: an unknown
 * key is a schema error. `quote` is the exact text of the new file at `line` (several lines for a multi-line
 * quote); `suggestion` replaces lines `line..endLine`, where `endLine: null` means `line`.
 */
export const llmFindingSchema = z
  .strictObject({
    path: z.string().min(1).max(LLM_OUTPUT_LIMITS.path),
    line: z.number().int().min(1),
    endLine: z.number().int().min(1).nullable(),
    quote: z.string().max(LLM_OUTPUT_LIMITS.quote).regex(NOT_BLANK, 'quote must hold the code at line'),
    severity: severitySchema,
    category: categorySchema,
    title: z.string().max(LLM_OUTPUT_LIMITS.title).regex(NOT_BLANK, 'title must not be blank'),
    body: z.string().max(LLM_OUTPUT_LIMITS.body),
    suggestion: z.string().max(LLM_OUTPUT_LIMITS.suggestion).nullable(),
    confidence: z.number().min(0).max(1),
  })
  .refine((f) => f.endLine === null || f.endLine >= f.line, {
    message: 'endLine must be null or >= line',
    path: ['endLine'],
  });

/** A finding that passed {@link llmFindingSchema}. */
export type LlmFinding = z.infer<typeof llmFindingSchema>;

/** The whole message: exactly `{ "findings": [...] }`, nothing else at the top level. */
export const llmEnvelopeSchema = z.strictObject({ findings: z.array(llmFindingSchema) });

/** A message that passed {@link llmEnvelopeSchema}. */
export type LlmEnvelope = z.infer<typeof llmEnvelopeSchema>;

/**
 * The JSON schema sent to the model, written by hand because `z.toJSONSchema` does not give what OpenAI's
 * strict mode accepts: it writes nullables as `anyOf` (strict mode wants `type: [..., "null"]`) and emits
 * `minLength`/`maxLength`/`pattern`, which strict mode does not support
 * (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas).
 * So this schema states the shape (every key required, no other key, types, enums, numeric ranges) and
 * {@link llmFindingSchema} alone enforces the string bounds, non-blank `title`/`quote` and `endLine >= line`;
 * test/unit/validate/llm-output-schema.test.ts checks both agree on everything else.
 */
export const LLM_FINDINGS_JSON_SCHEMA = {
  type: 'object',
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'Path of a file of this diff, exactly as given.' },
          line: { type: 'integer', minimum: 1, description: 'First line, in the NEW file.' },
          endLine: {
            type: ['integer', 'null'],
            minimum: 1,
            description: 'Last line (>= line) in the NEW file; null for a one-line finding.',
          },
          quote: {
            type: 'string',
            description: `The exact text of the new file at line (one or more lines), at most ${LLM_OUTPUT_LIMITS.quote} characters.`,
          },
          severity: { type: 'string', enum: [...SEVERITIES] },
          category: { type: 'string', enum: [...CATEGORIES] },
          title: { type: 'string', description: `One line, at most ${LLM_OUTPUT_LIMITS.title} characters.` },
          body: { type: 'string', description: `Why it is a problem, at most ${LLM_OUTPUT_LIMITS.body} characters.` },
          suggestion: {
            type: ['string', 'null'],
            description: `Replacement for lines line..endLine, at most ${LLM_OUTPUT_LIMITS.suggestion} characters; null for none.`,
          },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['path', 'line', 'endLine', 'quote', 'severity', 'category', 'title', 'body', 'suggestion', 'confidence'],
        additionalProperties: false,
      },
    },
  },
  required: ['findings'],
  additionalProperties: false,
} as const;

/** The `response_format` of a chat completion request asking for {@link LLM_FINDINGS_JSON_SCHEMA}. */
export const LLM_RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: { name: 'argus_findings', strict: true, schema: LLM_FINDINGS_JSON_SCHEMA },
} as const;
