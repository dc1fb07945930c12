import { describe, expect, it } from 'vitest';
import { createMemoryReviewCache, reviewCacheKey } from '../../../../src/llm/cache/index.js';

const parts = { model: 'gpt-4.1-mini', promptVersion: 'review-v1', path: 'src/a.ts', contentKey: 'abc' };

describe('reviewCacheKey', () => {
  it('changes with every part and cannot be forged by moving text between parts', () => {
    const key = reviewCacheKey(parts);
    expect(key).toMatch(/^argus:unit:[0-9a-f]{64}$/);
    expect(reviewCacheKey({ ...parts })).toBe(key);
    for (const change of [{ model: 'gpt-4.1' }, { promptVersion: 'review-v2' }, { path: 'src/b.ts' }, { contentKey: 'abd' }]) {
      expect(reviewCacheKey({ ...parts, ...change })).not.toBe(key);
    }
    expect(reviewCacheKey({ ...parts, path: 'ab', contentKey: 'c' })).not.toBe(reviewCacheKey({ ...parts, path: 'a', contentKey: 'bc' }));
  });
});

describe('createMemoryReviewCache', () => {
  it('returns what was stored, as a copy the caller cannot mutate through', async () => {
    const cache = createMemoryReviewCache();
    const findings = [{ line: 0, title: 'x' }];
    await cache.set('k', findings);
    findings[0]!.title = 'changed';
    expect(await cache.get('k')).toEqual([{ line: 0, title: 'x' }]);
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its size', async () => {
    const cache = createMemoryReviewCache({ maxEntries: 2 });
    await cache.set('a', []);
    await cache.set('b', []);
    await cache.get('a');
    await cache.set('c', []);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toEqual([]);
    expect(cache.size).toBe(2);
  });
});
