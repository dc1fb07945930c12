import type { ArgusConfig } from '../config/index.js';

/**
 * Why the LLM pass does not run, or null when it should. The order is the order a user fixes things in.
 */
export function llmSkipReason(options: { noLlm: boolean; config: ArgusConfig; env: NodeJS.ProcessEnv }): string | null {
  if (options.noLlm) return 'disabled by --no-llm';
  if (!options.config.llm.enabled) return 'disabled in the repository config (llm.enabled: false)';
  if (!options.env.OPENAI_API_KEY) {
    return 'OPENAI_API_KEY is not set (set it, and optionally OPENAI_BASE_URL and ARGUS_MODEL, to add the LLM review)';
  }
  // The LLM pass itself is built in the "LLM review behind a validation layer" issue.
  return 'this build of Argus has no LLM pass yet; only the static pass ran';
}
