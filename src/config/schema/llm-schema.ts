import { z } from 'zod';

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
  })
  .describe('The LLM review pass.');
/** The validated `llm` section. */
export type LlmConfig = z.infer<typeof llmSchema>;
