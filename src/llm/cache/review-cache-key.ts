import { createHash } from 'node:crypto';

/** What identifies one unit's answer: change any part and the model must be asked again. */
export interface ReviewCacheKeyParts {
  model: string;
  promptVersion: string;
  path: string;
  /** The unit's code and context without line numbers (from the prompt module). */
  contentKey: string;
}

/** A fixed-length key for {@link ReviewCacheKeyParts}; the parts are length-prefixed so none can bleed into another. */
export function reviewCacheKey(parts: ReviewCacheKeyParts): string {
  const hash = createHash('sha256');
  for (const part of [parts.model, parts.promptVersion, parts.path, parts.contentKey]) {
    hash.update(`${part.length}:`).update(part);
  }
  return `argus:unit:${hash.digest('hex')}`;
}
