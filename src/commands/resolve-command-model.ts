import type { ArgusConfig } from '../config/index.js';
import type { LlmPort } from '../review/ports.js';
import type { CommandContext } from './command-context.js';

/**
 * The model a question command may use, or the reply explaining why there is none (no API key, LLM turned
 * off in the config, or `llm.max_review_tokens: 0`). Saying so is an answer, not a failure.
 */
export function resolveCommandModel(ctx: CommandContext, config: ArgusConfig, command: string): { port: LlmPort } | { reply: string } {
  const model = config.llm.max_review_tokens === 0 ? { skipReason: 'turned off in the repository config (llm.max_review_tokens: 0)' } : ctx.services.llm(config);
  if ('port' in model) return model;
  return { reply: `No model is configured for Argus here, so \`${command}\` cannot answer: ${model.skipReason}.` };
}
