import type { DiffFile } from '../../diff/types.js';
import { countTokens } from '../budget/count-tokens.js';
import { composeUnit, unitHeader, UNIT_SEPARATOR_TOKENS } from './compose-unit.js';
import type { UnitRow } from './render-unit-rows.js';
import type { ReviewUnit } from './review-unit.js';

/**
 * The rows as one unit, or, when that is over `maxTokens`, as consecutive parts that each fit. Nothing is
 * dropped: a single row over the budget stays a (too big) part of its own, which packing then lists as
 * skipped.
 */
export function splitUnit(diff: DiffFile, rows: readonly UnitRow[], maxTokens: number): ReviewUnit[] {
  const whole = composeUnit(diff, rows, null);
  if (whole.tokens <= maxTokens) return [whole];
  const headerTokens = countTokens(unitHeader(diff, 9_999_999, 9_999_999, { index: 999, of: 999 })) + UNIT_SEPARATOR_TOKENS;
  const chunks: UnitRow[][] = [];
  let chunk: UnitRow[] = [];
  let used = headerTokens;
  for (const row of rows) {
    // Each row costs its own tokens plus the newline; the number column is counted unpadded.
    const cost = countTokens(`${row.newLine ?? ''} ${row.mark} ${row.text}`) + 1;
    if (chunk.length > 0 && used + cost > maxTokens) {
      chunks.push(chunk);
      chunk = [];
      used = headerTokens;
    }
    chunk.push(row);
    used += cost;
  }
  chunks.push(chunk);
  // Estimates are per row; BPE can merge differently across rows, so a part found over budget is halved.
  const fitted = chunks.flatMap((c) => bisectToFit(diff, c, maxTokens));
  return fitted.map((c, i) => composeUnit(diff, c, { index: i + 1, of: fitted.length }));
}

function bisectToFit(diff: DiffFile, rows: UnitRow[], maxTokens: number): UnitRow[][] {
  if (rows.length <= 1 || composeUnit(diff, rows, { index: 999, of: 999 }).tokens <= maxTokens) return [rows];
  const half = Math.ceil(rows.length / 2);
  return [...bisectToFit(diff, rows.slice(0, half), maxTokens), ...bisectToFit(diff, rows.slice(half), maxTokens)];
}
