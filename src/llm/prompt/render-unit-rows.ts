import type { DiffLine } from '../../diff/types.js';
import { linePositions, type UnitGroup } from './plan-unit-groups.js';

/**
 * How a row is marked for the model: `+` added and ` ` unchanged (both inside the diff: comments allowed),
 * `-` deleted (old file only, no new line number), `~` context outside the diff (read only).
 */
export type RowMark = '+' | ' ' | '-' | '~';

/** One rendered line of a unit. */
export interface UnitRow {
  /** New-file line number; null for deleted lines. */
  newLine: number | null;
  /** Where the row sits in the new file (a deleted row: the new line after it). */
  position: number;
  mark: RowMark;
  /** The line's text, redacted. */
  text: string;
}

/** A run of deleted lines longer than this is cut, with a row saying how many were left out. */
export const MAX_DELETED_RUN = 50;

/**
 * The rows of a unit in file order: every new line from `group.start` to `group.end` (marked by whether a
 * hunk of the group holds it) with the group's deleted lines where they were. `newText` is the redacted
 * new file (index 0 is line 1), `deletedText` the redacted text of each deleted line.
 */
export function renderUnitRows(group: UnitGroup, newText: readonly string[], deletedText: ReadonlyMap<DiffLine, string>): UnitRow[] {
  const marks = new Map<number, RowMark>();
  const deletedAt = new Map<number, string[]>();
  for (const hunk of group.hunks) {
    const positions = linePositions(hunk);
    hunk.lines.forEach((line, i) => {
      if (line.kind === 'del') {
        const at = positions[i]!;
        const run = deletedAt.get(at);
        if (run) run.push(deletedText.get(line) ?? '');
        else deletedAt.set(at, [deletedText.get(line) ?? '']);
      } else if (line.newLine !== null) {
        marks.set(line.newLine, line.kind === 'add' ? '+' : ' ');
      }
    });
  }
  const rows: UnitRow[] = [];
  const pushDeleted = (at: number): void => {
    const texts = deletedAt.get(at);
    if (!texts) return;
    for (const text of texts.slice(0, MAX_DELETED_RUN)) rows.push({ newLine: null, position: at, mark: '-', text });
    if (texts.length > MAX_DELETED_RUN) {
      rows.push({ newLine: null, position: at, mark: '-', text: `[${texts.length - MAX_DELETED_RUN} more deleted lines not shown]` });
    }
    deletedAt.delete(at);
  };
  for (let n = group.start; n <= group.end; n++) {
    pushDeleted(n);
    rows.push({ newLine: n, position: n, mark: marks.get(n) ?? '~', text: newText[n - 1] ?? '' });
  }
  // Deletions at the very end of the file sit after its last line.
  for (const at of [...deletedAt.keys()].sort((a, b) => a - b)) pushDeleted(at);
  return rows;
}
