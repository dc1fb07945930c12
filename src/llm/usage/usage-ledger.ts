/**
 * Tokens spent per account (a GitHub App installation) per UTC day, for the daily cap. Asynchronous so a
 * shared store can implement it when Argus runs on several machines; `createMemoryUsageLedger` is in-process.
 */
export interface UsageLedger {
  /** Tokens `account` has spent on the UTC day of `now`. */
  spent(account: string, now: Date): Promise<number>;
  /** Adds `tokens` to `account`'s count for the UTC day of `now`. */
  add(account: string, tokens: number, now: Date): Promise<void>;
}

/** The UTC day of `now`, e.g. `2026-11-24`. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
