import { performance } from 'node:perf_hooks';

/** Something to time: one call of `run` processes the whole corpus once. */
export interface Contender {
  name: string;
  run: () => void;
}

/** Options of `measureInterleaved`. */
export interface MeasureOptions {
  warmups: number;
  runs: number;
  /** Called after each round (e.g. to print progress); `round` counts from 0 and includes warm-ups. */
  onRound?: (round: number) => void;
}

/**
 * Times every contender once per round, round after round, and returns each one's milliseconds of the
 * measured rounds (warm-ups dropped). Interleaving spreads a slow patch of the machine (another process,
 * a GC storm, thermal throttling) over every contender alike instead of over whichever ran then; the order
 * rotates each round, so no contender always inherits the garbage of the same predecessor.
 */
export function measureInterleaved(contenders: readonly Contender[], options: MeasureOptions): Map<string, number[]> {
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.warmups + options.runs; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length]!;
      const start = performance.now();
      c.run();
      const ms = performance.now() - start;
      if (round >= options.warmups) times.get(c.name)!.push(ms);
    }
    options.onRound?.(round);
  }
  return times;
}

/** The smallest of a non-empty list: on a busy machine, the run least disturbed by other processes. */
export function min(xs: readonly number[]): number {
  return Math.min(...xs);
}

/** The median of a non-empty list (the upper middle for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
