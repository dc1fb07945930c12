import { createHash } from 'node:crypto';
import type { DiffFile } from '../../diff/types.js';
import { countTokens } from '../budget/count-tokens.js';
import type { UnitRow } from './render-unit-rows.js';
import type { ReviewUnit } from './review-unit.js';

/**
 * Tokens added to each unit's own count: the blank line that separates units in the prompt, and slack for
 * BPE merging differently across the join (measured under 1 token per join, see docs/prompt.md).
 */
export const UNIT_SEPARATOR_TOKENS = 2;

/** Which part of a split unit this is; null when the unit is whole. */
export type UnitPart = { index: number; of: number } | null;

/**
 * The unit the model reads: a header naming the file (JSON-quoted, so a path cannot break the layout) and
 * the new-line range, then one row per line: `<new line number> <mark> <text>`, deleted rows without a
 * number. See `RowMark` for the marks.
 */
export function composeUnit(diff: DiffFile, rows: readonly UnitRow[], part: UnitPart): ReviewUnit {
  const numbered = rows.filter((r) => r.newLine !== null);
  const startLine = numbered[0]?.newLine ?? rows[0]!.position;
  const endLine = numbered.at(-1)?.newLine ?? rows[0]!.position;
  const width = String(endLine).length;
  const body = rows.map((r) => {
    const number = r.newLine === null ? ' '.repeat(width) : String(r.newLine).padStart(width);
    return r.text === '' ? `${number} ${r.mark}` : `${number} ${r.mark} ${r.text}`;
  });
  const text = [unitHeader(diff, startLine, endLine, part), ...body].join('\n');
  const key = createHash('sha256').update(`${diff.path}\0`);
  for (const r of rows) key.update(`${r.mark}${r.text}\n`);
  return { path: diff.path, startLine, endLine, text, tokens: countTokens(text) + UNIT_SEPARATOR_TOKENS, contentKey: key.digest('hex') };
}

/** The first line of a unit. */
export function unitHeader(diff: DiffFile, startLine: number, endLine: number, part: UnitPart): string {
  const renamed = diff.oldPath !== null && diff.oldPath !== diff.path ? ` from ${JSON.stringify(diff.oldPath)}` : '';
  const partText = part ? `, part ${part.index} of ${part.of}` : '';
  return `### File ${JSON.stringify(diff.path)} (${diff.status}${renamed}), new lines ${startLine}-${endLine}${partText}`;
}
