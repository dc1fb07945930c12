import type { LlmStats } from '../review/result.js';
import { pluralize } from './pluralize.js';

/** `LLM: 3 calls, 1540 tokens (1200 prompt, 340 completion), $0.0123`. */
export function formatLlmStats(llm: LlmStats): string {
  const tokens = llm.promptTokens + llm.completionTokens;
  return (
    `LLM: ${pluralize(llm.calls, 'call')}, ${pluralize(tokens, 'token')} ` +
    `(${llm.promptTokens} prompt, ${llm.completionTokens} completion), $${llm.costUsd.toFixed(4)}`
  );
}
