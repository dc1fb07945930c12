import type { LlmConfig } from '../../config/index.js';
import type { LlmPort } from '../../review/ports.js';
import { createOpenAiLlm, type LlmLogger } from './create-openai-llm.js';
import { resolveLlmSettings, type LlmEnv } from './resolve-llm-settings.js';

/** The model a review or command may use, or why there is none (one line, shown to the user). */
export type LlmChoice = { port: LlmPort } | { skipReason: string };

/**
 * The model for a repository's `llm` config, read from `env` (see docs/llm-providers.md): the CLI, the App and
 * `--pr`/the Action all choose it here. One provider per model name is kept, so its concurrency limit and what
 * it learnt about the server (structured outputs, token parameter) are shared by every review of the process.
 */
export function createLlmResolver(env: LlmEnv, logFor: (model: string) => LlmLogger): (config: { llm: Pick<LlmConfig, 'enabled' | 'model'> }) => LlmChoice {
  const providers = new Map<string, LlmPort>();
  return (config) => {
    if (!config.llm.enabled) return { skipReason: 'disabled in the repository config (llm.enabled: false)' };
    const resolved = resolveLlmSettings(env, config.llm.model);
    if (!resolved.ok) return { skipReason: resolved.reason };
    const { model } = resolved.settings;
    let port = providers.get(model);
    if (!port) {
      port = createOpenAiLlm(resolved.settings, { logger: logFor(model) });
      providers.set(model, port);
    }
    return { port };
  };
}
