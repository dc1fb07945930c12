import { LRUCache } from 'lru-cache';
import type { ReviewCache } from './review-cache.js';

/** Entries kept by default: a unit is one hunk, so this covers a few hundred busy pull requests. */
export const DEFAULT_CACHE_ENTRIES = 20_000;

/** Default time to live: a day; prompts and models change, and stale memory should not grow forever. */
export const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** An in-process least-recently-used {@link ReviewCache} (lru-cache). */
export function createMemoryReviewCache(
  options: { maxEntries?: number; ttlMs?: number } = {},
): ReviewCache & { readonly size: number } {
  const lru = new LRUCache<string, readonly unknown[]>({
    max: options.maxEntries ?? DEFAULT_CACHE_ENTRIES,
    ttl: options.ttlMs ?? DEFAULT_CACHE_TTL_MS,
  });
  return {
    get: (key) => Promise.resolve(lru.get(key)),
    set: (key, findings) => {
      lru.set(key, structuredClone(findings));
      return Promise.resolve();
    },
    get size() {
      return lru.size;
    },
  };
}
