import { describe, expect, it } from 'vitest';
import { changedLineCount, parseDiff, parseGithubFile } from '../../../src/diff/index.js';

describe('changedLineCount', () => {
  it('sums added lines, including files whose patch GitHub withheld', () => {
    const files = [
      ...parseDiff('--- a/x\n+++ b/x\n@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d\n z\n'),
      parseGithubFile({ filename: 'big.json', status: 'modified', additions: 5000, deletions: 10 }),
    ];
    expect(changedLineCount(files)).toBe(5003);
    expect(changedLineCount([])).toBe(0);
  });
});
