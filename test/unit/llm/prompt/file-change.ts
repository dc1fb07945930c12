import { createTwoFilesPatch } from 'diff';
import { parseDiff } from '../../../../src/diff/index.js';
import type { ReviewFile } from '../../../../src/llm/prompt/index.js';

/**
 * A changed file as the pipeline hands it over: the unified diff between `oldText` and `newText`, parsed,
 * with the new file's lines split as run-review.ts splits them.
 */
export function fileChange(path: string, oldText: string, newText: string, context = 3): ReviewFile {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, oldText, newText, '', '', { context });
  const [diff] = parseDiff(patch);
  if (!diff) throw new Error(`no change between the two texts of ${path}`);
  return { diff, lines: newText.split(/\r?\n/) };
}

/** `n` numbered lines `prefix1` .. `prefixN`, newline-terminated. */
export function numberedLines(n: number, prefix = 'line '): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');
}

/** A unit's rows, without the header. */
export function rowsOf(text: string): string[] {
  return text.split('\n').slice(1);
}
