/**
 * Where the model's answers for review units are kept, so a unit reviewed before (same model, prompt
 * version, path and code) costs no tokens. The value is the model's raw findings for that unit with lines
 * relative to the unit's first line (the code may have moved); they are validated again on every use.
 * Asynchronous so that a shared store (Redis) can implement it; the in-memory LRU is `createMemoryReviewCache`.
 */
export interface ReviewCache {
  get(key: string): Promise<readonly unknown[] | undefined>;
  set(key: string, findings: readonly unknown[]): Promise<void>;
}
