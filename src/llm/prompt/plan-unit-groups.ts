import type { Hunk } from '../../diff/types.js';
import type { LineRange } from './function-ranges.js';

/** How hunks are grouped into units and how much context each gets. */
export interface GroupingOptions {
  /** Lines in the new file (the display never goes past it). */
  lineCount: number;
  /** Function spans of a JS/TS file, or null for other files and files that do not parse. */
  functions: readonly LineRange[] | null;
  /** Largest enclosing function shown whole. */
  maxFunctionLines: number;
  /** Lines shown above and below a hunk when no enclosing function is shown. */
  contextLines: number;
  /** Hunks at most this many lines apart share a unit. */
  mergeGap: number;
}

/** Hunks that become one unit, and the new-file lines the unit shows. */
export interface UnitGroup {
  hunks: Hunk[];
  start: number;
  end: number;
}

interface Planned extends UnitGroup {
  hunkStart: number;
  hunkEnd: number;
  fn: LineRange | null;
}

/**
 * Groups a file's hunks into units. Each hunk is shown with its enclosing function (the largest function
 * around all its changed lines that has at most `maxFunctionLines` lines) or else `contextLines` lines
 * around it. Consecutive hunks merge when they have the same enclosing function, lie at most `mergeGap`
 * lines apart, or their shown lines overlap (so no line is shown by two units).
 */
export function planUnitGroups(hunks: readonly Hunk[], options: GroupingOptions): UnitGroup[] {
  const planned = [...hunks].sort((a, b) => a.newStart - b.newStart).map((hunk) => planHunk(hunk, options));
  const groups: Planned[] = [];
  for (const next of planned) {
    const current = groups.at(-1);
    const sameFunction = current?.fn != null && next.fn != null && current.fn.start === next.fn.start && current.fn.end === next.fn.end;
    if (current && (sameFunction || next.hunkStart - current.hunkEnd - 1 <= options.mergeGap || next.start <= current.end)) {
      current.hunks.push(...next.hunks);
      current.start = Math.min(current.start, next.start);
      current.end = Math.max(current.end, next.end);
      current.hunkEnd = Math.max(current.hunkEnd, next.hunkEnd);
      current.fn = next.fn;
    } else {
      groups.push(next);
    }
  }
  return groups.map(({ hunks: h, start, end }) => ({ hunks: h, start, end }));
}

function planHunk(hunk: Hunk, options: GroupingOptions): Planned {
  const clamp = (n: number): number => Math.min(Math.max(n, 1), Math.max(options.lineCount, 1));
  const positions = linePositions(hunk);
  const all = positions.length > 0 ? positions : [insertionPoint(hunk)];
  const changed = positions.filter((_, i) => hunk.lines[i]!.kind !== 'context');
  // Positions ascend along a hunk, so the first and last are its bounds.
  const hunkStart = clamp(all[0]!);
  const hunkEnd = clamp(all.at(-1)!);
  const changeStart = changed.length > 0 ? clamp(changed[0]!) : hunkStart;
  const changeEnd = changed.length > 0 ? clamp(changed.at(-1)!) : hunkEnd;
  let fn: LineRange | null = null;
  for (const range of options.functions ?? []) {
    const size = range.end - range.start + 1;
    if (range.start <= changeStart && range.end >= changeEnd && size <= options.maxFunctionLines && (!fn || size > fn.end - fn.start + 1)) fn = range;
  }
  const start = fn ? Math.min(fn.start, hunkStart) : clamp(hunkStart - options.contextLines);
  const end = fn ? Math.max(fn.end, hunkEnd) : clamp(hunkEnd + options.contextLines);
  return { hunks: [hunk], start, end, hunkStart, hunkEnd, fn };
}

/** Where the next new line of a hunk goes: git writes `+N,0` for "after line N" when a hunk adds nothing. */
function insertionPoint(hunk: Hunk): number {
  return hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
}

/**
 * The new-file position of each row of a hunk (aligned with `hunk.lines`): a line's own number, or for a
 * deleted line the number of the new line that follows it.
 */
export function linePositions(hunk: Hunk): number[] {
  const positions: number[] = [];
  let cursor = insertionPoint(hunk);
  for (const line of hunk.lines) {
    if (line.kind !== 'del') cursor = line.newLine ?? cursor;
    positions.push(cursor);
    if (line.kind !== 'del') cursor += 1;
  }
  return positions;
}
