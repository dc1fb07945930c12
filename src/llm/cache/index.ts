/** The cache of model answers per review unit. */
export { createMemoryReviewCache, DEFAULT_CACHE_ENTRIES, DEFAULT_CACHE_TTL_MS } from './create-memory-review-cache.js';
export type { ReviewCache } from './review-cache.js';
export { reviewCacheKey, type ReviewCacheKeyParts } from './review-cache-key.js';
