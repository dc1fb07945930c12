import type { DiffFile } from '../diff/types.js';
import { normaliseCode } from '../findings/fingerprint.js';
import { isCommentableRange } from './is-commentable-range.js';

/** How far (in lines, either way) a quote is looked for when it is not at the line the model named. */
export const MOVE_WINDOW = 5;

/** What the anchoring step needs of a finding. */
export interface AnchorInput {
  line: number;
  endLine: number | null;
  quote: string;
}

/** Where a finding lands, or why it cannot land. `moved` is true when `line` differs from the model's. */
export type AnchorResult =
  | { ok: true; line: number; endLine: number; moved: boolean }
  | { ok: false; reason: 'outside-diff' | 'quote-mismatch' };

/**
 * Checks that the finding points at the code it quotes, on lines a review comment can go to.
 * - The quote (compared whitespace-insensitively, over as many lines as it has) is at `line`: the range
 *   `line..endLine` must be commentable in one hunk, else `outside-diff`.
 * - It is not at `line` but at exactly one commentable line within {@link MOVE_WINDOW} lines: the finding
 *   moves there, `endLine` by the same delta, and the moved range must be commentable, else `outside-diff`.
 * - Otherwise (not found nearby, or found at several commentable lines: ambiguous): `quote-mismatch`.
 */
export function anchorFinding(finding: AnchorInput, file: { diff: DiffFile; lines: readonly string[] }): AnchorResult {
  const quote = normaliseCode(finding.quote);
  const quoteLines = finding.quote.trim().split('\n').length;
  const span = (finding.endLine ?? finding.line) - finding.line;
  const matchesAt = (line: number): boolean =>
    line >= 1 &&
    line + quoteLines - 1 <= file.lines.length &&
    normaliseCode(file.lines.slice(line - 1, line - 1 + quoteLines).join('\n')) === quote;

  let line = finding.line;
  if (!matchesAt(line)) {
    const candidates: number[] = [];
    for (let d = -MOVE_WINDOW; d <= MOVE_WINDOW; d++) {
      const at = finding.line + d;
      if (d !== 0 && file.diff.commentableLines.has(at) && matchesAt(at)) candidates.push(at);
    }
    if (candidates.length !== 1) return { ok: false, reason: 'quote-mismatch' };
    line = candidates[0]!;
  }
  const endLine = line + span;
  if (!isCommentableRange(file.diff, line, endLine)) return { ok: false, reason: 'outside-diff' };
  return { ok: true, line, endLine, moved: line !== finding.line };
}
