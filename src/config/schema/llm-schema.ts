import { z } from 'zod';

/** Largest per-request prompt budget accepted: far beyond it, models lose track of line numbers. */
export const MAX_REQUEST_TOKENS = 200_000;

/** Largest per-review token cap accepted from a repository (the operator can lower it further). */
export const MAX_REVIEW_TOKENS = 5_000_000;

const wholeTokens = (min: number, max: number) => {
  const error = `expected a whole number of tokens from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const priceError = 'expected a price in US dollars per million tokens (a number >= 0)';
const priceSchema = z.strictObject(
  {
    input: z.number({ error: priceError }).min(0, { error: priceError }).describe('US dollars per million prompt tokens.'),
    output: z.number({ error: priceError }).min(0, { error: priceError }).describe('US dollars per million completion tokens.'),
  },
  { error: 'expected { input: <USD per million tokens>, output: <USD per million tokens> }' },
);

/** `llm`: the model-backed review pass. */
export const llmSchema = z
  .strictObject({
    enabled: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe('Run the LLM review pass. When false only the static rules run.'),
    model: z
      .string({ error: 'expected a model name string, or null for the default' })
      .min(1, { error: 'expected a model name, or null for the default' })
      .max(200)
      .nullable()
      .default(null)
      .describe('Model to use. null means the ARGUS_MODEL environment variable, or the built-in default when that is unset.')
      .meta({ examples: ['gpt-4.1-mini'] }),
    confidence_floor: z
      .number({ error: 'expected a number from 0 to 1' })
      .min(0, { error: 'expected a number from 0 to 1' })
      .max(1, { error: 'expected a number from 0 to 1' })
      .default(0.6)
      .describe('Model findings with a lower self-reported confidence are dropped (reason `low-confidence`).'),
    max_request_tokens: wholeTokens(2_000, MAX_REQUEST_TOKENS)
      .default(12_000)
      .describe(
        'Prompt tokens per request to the model. Changed files are packed into requests up to this size; a bigger file is split by hunk.',
      ),
    max_review_tokens: wholeTokens(0, MAX_REVIEW_TOKENS)
      .default(200_000)
      .describe(
        'Tokens (prompt and completion) one review may spend. Code beyond it is not sent to the model and is listed as skipped (`token-cap`). 0 turns the LLM pass off.',
      ),
    max_output_tokens: wholeTokens(256, 32_000)
      .default(4_000)
      .describe('Most tokens the model may write in one answer.'),
    prices: z
      .record(z.string().min(1).max(200), priceSchema, { error: 'expected a mapping of model name to { input, output } prices' })
      .default({})
      .describe(
        'Prices in US dollars per million tokens, by model name, for the cost estimate in the summary. Added to (and overriding) the built-in table of OpenAI prices; an unknown model is costed at 0 and the summary says so.',
      )
      .meta({ examples: [{ 'my-finetune': { input: 0.5, output: 2 } }] }),
  })
  .describe('The LLM review pass.');
/** The validated `llm` section. */
export type LlmConfig = z.infer<typeof llmSchema>;
