import { describe, expect, it } from 'vitest';
import { countMessageTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS } from '../../../../src/llm/budget/index.js';

describe('countTokens', () => {
  it('counts o200k_base tokens exactly', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('const total = a + b;')).toBe(7);
  });

  it('counts special-token text in code as plain text instead of throwing', () => {
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
    expect(countTokens('x = "<|im_start|>"')).toBeGreaterThan(3);
  });

  it('adds the chat framing per message and once per request', () => {
    const messages = [
      { role: 'system' as const, content: 'hello world' },
      { role: 'user' as const, content: 'const total = a + b;' },
    ];
    expect(countMessageTokens(messages)).toBe(2 + 7 + 2 * MESSAGE_OVERHEAD_TOKENS + REPLY_PRIMING_TOKENS);
  });
});
