import type { DiffFile } from './types.js';

/**
 * Total added lines across `files`, including files whose patch GitHub withheld (their `additions` come from the
 * API). Use it to size a review before sending hunks anywhere.
 */
export function changedLineCount(files: readonly DiffFile[]): number {
  let total = 0;
  for (const file of files) total += file.additions;
  return total;
}
