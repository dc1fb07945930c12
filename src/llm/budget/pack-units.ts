import { compareReviewPriority } from './review-priority.js';

/** What packing needs of a review unit. */
export interface PackableUnit {
  path: string;
  startLine: number;
  endLine: number;
  /** Prompt tokens the unit adds to a request (its text and separator). */
  tokens: number;
}

/** The caps packing works under, all in prompt tokens. */
export interface PackOptions {
  /** Most prompt tokens one request may carry, fixed part included. */
  requestBudget: number;
  /** Tokens every request carries besides its units (system prompt, instructions, PR text, framing). */
  fixedTokens: number;
  /** Most prompt tokens the whole review may send: units plus the fixed part of every request. */
  reviewBudget: number;
}

/** A unit left out of the review, for the summary. */
export interface SkippedUnit {
  path: string;
  reason: 'token-cap';
  startLine: number;
  endLine: number;
}

/** The requests to send, each a list of units, and what did not fit. */
export interface PackResult<T extends PackableUnit> {
  /** Most important first; inside a request, units in review order (file priority, then line). */
  requests: T[][];
  /** In review order. */
  skipped: SkippedUnit[];
}

interface Ranked<T> {
  unit: T;
  rank: number;
}

interface Item<T> {
  units: Ranked<T>[];
  tokens: number;
}

/**
 * Packs review units into requests of at most `requestBudget` tokens, the whole review into
 * `reviewBudget`. Units are ranked by file (source, then tests, then docs; by path within a class; see
 * `compareReviewPriority`) and line. The review keeps the longest prefix of that ranking whose packing
 * fits the review cap (fixed tokens of every request included); the rest, and any unit too big for a
 * request on its own, is skipped and listed. A fixed part that leaves no room skips everything. Packing is
 * first-fit decreasing over items, where an item is a whole file when the file fits in one request, else
 * a run of the file's consecutive units that does: so a file's units stay together where they can.
 */
export function packUnits<T extends PackableUnit>(units: readonly T[], options: PackOptions): PackResult<T> {
  const capacity = options.requestBudget - options.fixedTokens;
  const ranked = units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => compareReviewPriority(a.unit.path, b.unit.path) || a.unit.startLine - b.unit.startLine || a.index - b.index)
    .map(({ unit }, rank) => ({ unit, rank }));

  const tooBig = ranked.filter((r) => r.unit.tokens > capacity);
  const fitting = ranked.filter((r) => r.unit.tokens <= capacity);
  const cost = (bins: readonly Item<T>[]): number => bins.reduce((sum, bin) => sum + bin.tokens + options.fixedTokens, 0);
  // The longest prefix of the ranking whose packing fits the review cap, by binary search: `lo` always fits
  // (the empty prefix does), `hi` never does. A handful of packings even for thousands of units.
  let bins = packFirstFitDecreasing(fitting, capacity);
  let kept = fitting.length;
  if (cost(bins) > options.reviewBudget) {
    let lo = 0;
    let hi = fitting.length;
    bins = [];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const attempt = packFirstFitDecreasing(fitting.slice(0, mid), capacity);
      if (cost(attempt) <= options.reviewBudget) {
        lo = mid;
        bins = attempt;
      } else {
        hi = mid;
      }
    }
    kept = lo;
  }
  const dropped = fitting.slice(kept);

  const skipped = [...tooBig, ...dropped]
    .sort((a, b) => a.rank - b.rank)
    .map(({ unit }): SkippedUnit => ({ path: unit.path, reason: 'token-cap', startLine: unit.startLine, endLine: unit.endLine }));
  const requests = bins
    .map((bin) => bin.units.sort((a, b) => a.rank - b.rank))
    .sort((a, b) => a[0]!.rank - b[0]!.rank)
    .map((bin) => bin.map((r) => r.unit));
  return { requests, skipped };
}

/** First-fit decreasing over per-file items (see `packUnits`); `units` are ranked and each fits `capacity`. */
function packFirstFitDecreasing<T extends PackableUnit>(units: readonly Ranked<T>[], capacity: number): Item<T>[] {
  const items: Item<T>[] = [];
  let fileStart = 0;
  while (fileStart < units.length) {
    let fileEnd = fileStart;
    while (fileEnd < units.length && units[fileEnd]!.unit.path === units[fileStart]!.unit.path) fileEnd++;
    let item: Item<T> = { units: [], tokens: 0 };
    for (let i = fileStart; i < fileEnd; i++) {
      const r = units[i]!;
      if (item.tokens + r.unit.tokens > capacity) {
        items.push(item);
        item = { units: [], tokens: 0 };
      }
      item.units.push(r);
      item.tokens += r.unit.tokens;
    }
    items.push(item);
    fileStart = fileEnd;
  }
  items.sort((a, b) => b.tokens - a.tokens || a.units[0]!.rank - b.units[0]!.rank);
  const bins: Item<T>[] = [];
  for (const item of items) {
    const bin = bins.find((b) => b.tokens + item.tokens <= capacity);
    if (bin) {
      bin.units.push(...item.units);
      bin.tokens += item.tokens;
    } else {
      bins.push({ units: [...item.units], tokens: item.tokens });
    }
  }
  return bins;
}
