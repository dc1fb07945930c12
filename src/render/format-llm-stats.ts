import type { LlmStats } from '../review/result.js';
import { pluralize } from './pluralize.js';

/**
 * `LLM gpt-4.1-mini: 3 calls, 14772 tokens (12840 prompt, 1932 completion), about $0.0422`, then, when they
 * happened, the hunks answered from the cache and the failed requests. An unpriced model says so instead of $0.
 */
export function formatLlmStats(llm: LlmStats): string {
  const tokens = llm.promptTokens + llm.completionTokens;
  const cost = llm.priced ? `about $${llm.costUsd.toFixed(4)}` : 'cost unknown';
  const parts = [
    `LLM ${llm.model}: ${pluralize(llm.calls, 'call')}, ${pluralize(tokens, 'token')} ` +
      `(${llm.promptTokens} prompt, ${llm.completionTokens} completion), ${cost}`,
  ];
  if (llm.cachedUnits > 0) parts.push(`${pluralize(llm.cachedUnits, 'hunk')} from cache`);
  if (llm.failedRequests > 0) parts.push(`${llm.failedRequests} of ${pluralize(llm.requests, 'request')} failed`);
  return parts.join('; ');
}
