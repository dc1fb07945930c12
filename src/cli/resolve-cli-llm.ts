import type { Logger } from 'pino';
import type { ArgusConfig } from '../config/index.js';
import { createLlmResolver } from '../llm/openai/index.js';
import type { LlmReviewOptions } from '../review/run-review.js';

/** The CLI's LLM pass: the options for `runReview`, or why it does not run (in the order a user fixes things). */
export type CliLlm = { llmSkipReason: string; llm?: undefined } | { llmSkipReason: null; llm: LlmReviewOptions };

/**
 * Reads the model setup from the environment (see docs/llm-providers.md). The CLI reviews a local change,
 * so there is no pull request text, nothing posted before, no daily cap and no cache between runs.
 */
export function resolveCliLlm(options: { noLlm: boolean; config: ArgusConfig; env: NodeJS.ProcessEnv; log: Logger }): CliLlm {
  if (options.noLlm) return { llmSkipReason: 'disabled by --no-llm' };
  const choice = createLlmResolver(options.env, (model) => options.log.child({ component: 'llm', model }))(options.config);
  if ('skipReason' in choice) return { llmSkipReason: choice.skipReason };
  return { llmSkipReason: null, llm: { port: choice.port, cache: null, pullRequest: null, postedFingerprints: new Set(), daily: null } };
}
