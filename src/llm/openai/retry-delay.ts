/** First backoff step and its ceiling (ms); the SDK uses the same 0.5 s doubling to 8 s. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8_000;

/** The longest server-requested wait Argus honours; a longer one fails the call at once instead of stalling the review. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long the server asked us to wait, from `retry-after-ms` (OpenAI, Azure) or `retry-after` (seconds or an
 * HTTP date); null when it did not ask or the value is unusable.
 */
export function serverRetryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter for retry number `retry` (0 for the first): 0.5 s, 1 s, 2 s... capped at
 * 8 s, each scaled by a random factor in [0.5, 1) so that concurrent calls do not retry in lockstep.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_BASE_MS * 2 ** retry, BACKOFF_MAX_MS);
  return Math.round(step * (0.5 + random() * 0.5));
}
