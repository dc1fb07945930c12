import { APIConnectionError, APIError } from 'openai';
import { backoffMs, MAX_RETRY_AFTER_MS, serverRetryAfterMs } from './retry-delay.js';

/** How `callWithRetries` retries and times out; `sleep` and `random` are injectable so tests need not wait. */
export interface RetryPolicy {
  maxRetries: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onRetry?: (info: { retry: number; delayMs: number; status: number | null; reason: string }) => void;
}

/** Our per-attempt timer fired: no complete answer (headers and body) within `timeoutMs`. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

/** A call that failed for good: the last attempt's error, how many attempts were made, and a refused wait. */
export class RetriesFailedError extends Error {
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    /** Set when the server asked to wait longer than {@link MAX_RETRY_AFTER_MS}, so Argus gave up. */
    readonly refusedWaitMs: number | null,
  ) {
    super(lastError instanceof Error ? lastError.message : String(lastError));
    this.name = 'RetriesFailedError';
  }
}

/**
 * Runs `attempt` with a per-attempt timeout that covers the body read (the SDK's own timer stops at the
 * headers), retrying 408/409/429/5xx, timeouts and connection failures up to `maxRetries` times: after the
 * server's `retry-after-ms`/`retry-after` when given (up to {@link MAX_RETRY_AFTER_MS}), else exponential
 * backoff with jitter. 400/401/403/404/422, `x-should-retry: false` and exhausted quota are not retried.
 * Throws {@link RetriesFailedError}.
 */
export async function callWithRetries<T>(attempt: (signal: AbortSignal) => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let retry = 0; ; retry++) {
    let error: unknown;
    try {
      return await withTimeout(attempt, policy.timeoutMs);
    } catch (caught) {
      error = caught;
    }
    if (!isRetryable(error) || retry >= policy.maxRetries) throw new RetriesFailedError(error, retry + 1, null);
    const asked = error instanceof APIError ? serverRetryAfterMs(error.headers) : null;
    if (asked !== null && asked > MAX_RETRY_AFTER_MS) throw new RetriesFailedError(error, retry + 1, asked);
    const delayMs = asked ?? backoffMs(retry, policy.random);
    policy.onRetry?.({ retry: retry + 1, delayMs, status: error instanceof APIError ? (error.status ?? null) : null, reason: error instanceof Error ? error.name : 'error' });
    await policy.sleep(delayMs);
  }
}

async function withTimeout<T>(attempt: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs);
  try {
    return await attempt(controller.signal);
  } catch (error) {
    // Whatever the SDK threw after our timer fired (user-abort, AbortError from the body stream) is the timeout.
    if (controller.signal.aborted) throw new AttemptTimeoutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof AttemptTimeoutError || error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError) || error.status === undefined) return false;
  if (error.headers?.get('x-should-retry') === 'false') return false;
  // OpenAI answers 429 for an empty balance too; waiting does not refill it.
  if (error.code === 'insufficient_quota') return false;
  return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
}
