import { describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/diff/index.js';
import { isCommentableRange } from '../../../src/validate/index.js';

// Two hunks with no line between them (a hand-made or -U0 patch): lines 1-4 are all commentable.
const [adjacent] = parseDiff(
  ['--- a/f.ts', '+++ b/f.ts', '@@ -1,2 +1,2 @@', '-a', '+A', ' b', '@@ -3,2 +3,2 @@', ' c', '-d', '+D', ''].join('\n'),
);

describe('isCommentableRange', () => {
  it('accepts a range inside one hunk', () => {
    expect([...adjacent!.commentableLines]).toEqual([1, 2, 3, 4]);
    expect(isCommentableRange(adjacent!, 1, 2)).toBe(true);
    expect(isCommentableRange(adjacent!, 3, 3)).toBe(true);
  });

  it('refuses a range across two hunks even when every line in it is commentable', () => {
    expect(isCommentableRange(adjacent!, 2, 3)).toBe(false);
  });

  it('refuses ranges that are empty, reversed, or outside every hunk', () => {
    expect(isCommentableRange(adjacent!, 0, 1)).toBe(false);
    expect(isCommentableRange(adjacent!, 2, 1)).toBe(false);
    expect(isCommentableRange(adjacent!, 4, 5)).toBe(false);
    expect(isCommentableRange(adjacent!, 4, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
