import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatMessage } from '../../review/ports.js';

// The code under review may contain `<|endoftext|>` and friends; gpt-tokenizer throws on special tokens
// by default, and here they are plain text like any other.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Tokens in `text` under o200k_base (the GPT-4o / GPT-4.1 / GPT-5 / o-series encoding), exact.
 * About 10 MB/s once warm (docs/prompt.md), so no approximation is needed even for a 20k-line pull request.
 */
export function countTokens(text: string): number {
  return countO200k(text, PLAIN_TEXT);
}

/**
 * Tokens each chat message costs beyond its content (role and separators): the figure OpenAI's cookbook
 * gives for its chat models, rounded up.
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Tokens added once per request to prime the reply (OpenAI's cookbook). */
export const REPLY_PRIMING_TOKENS = 3;

/** Prompt tokens of a whole chat request: every message's content plus the chat framing. */
export function countMessageTokens(messages: readonly ChatMessage[]): number {
  let total = REPLY_PRIMING_TOKENS;
  for (const message of messages) total += countTokens(message.content) + MESSAGE_OVERHEAD_TOKENS;
  return total;
}
