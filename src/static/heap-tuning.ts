import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a process that runs the static pass: the Docker image and `npm start` pass them on the node
 * command line, the `argus` launcher sets them before it loads anything else (`tuneHeap`), and
 * `npm run bench:static` gives them to every contender alike (the bare parse and ESLint too).
 *
 * `--no-allocation-site-pretenuring`: the pass parses a file, reads the tree for a few milliseconds, and drops
 * it. A young-generation collection that falls while a tree is read finds nearly all of that file's nodes alive,
 * and from such collections V8 learns that the parser's node allocations "survive", and from then on makes
 * them in the old generation. They die as young as ever, so the old generation fills with garbage: twice as
 * many full collections, and the parse itself ran 6-14% slower than in a process that only parses (one
 * process per run, three pairs in a row; docs/benchmarks.md, "V8 pretenuring"). Without pretenuring the parse
 * runs as fast in the pass as alone. Nothing else in Argus allocates in a pattern that pretenuring helps.
 */
export const HEAP_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/**
 * Sets `HEAP_FLAGS` in this process. Call it first thing, before the parser has run: V8 reads the flag when
 * it collects garbage, so it applies from the next collection on.
 */
export function tuneHeap(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
}
