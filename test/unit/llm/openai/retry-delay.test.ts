import { describe, expect, it } from 'vitest';
import { backoffMs, serverRetryAfterMs } from '../../../../src/llm/openai/index.js';

describe('serverRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '200', 'retry-after': '9' }, 200],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, null],
    [{ 'retry-after-ms': 'x' }, null],
    [{}, null],
  ])('%o -> %s', (headers, expected) => expect(serverRetryAfterMs(new Headers(headers), now)).toBe(expected));
});

describe('backoffMs', () => {
  it('doubles from 0.5 s up to 8 s, scaled into [0.5, 1) of each step by jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, () => 0.999999))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});
