import { parseRegex, type RegexNode } from './parse-regex.js';

/** Why a regular expression can take exponential time, with a string that shows it. */
export interface BacktrackingRisk {
  /**
   * - `nested-quantifier`: a repeated part that itself repeats can split one input many ways, `(a+)+`;
   * - `overlapping-alternation`: two alternatives in a repeated part match the same text, `(\w|\d)+`;
   * - `overlapping-repetition`: a repeated part matches its own concatenations, `(a|aa)+`.
   */
  kind: 'nested-quantifier' | 'overlapping-alternation' | 'overlapping-repetition';
  /** The repeated part as written, e.g. `(\w+\s?)*`. */
  fragment: string;
  /** Text the repeated part can match in two ways; repeating it and appending a mismatch is the attack. */
  witness: string;
}

/** Longer patterns are skipped to bound the work (generated 19k-character identifier patterns still take under 10 ms). */
const MAX_SOURCE = 20_000;
/** A repetition bounded below this many iterations cannot blow up far enough to matter. */
const MIN_REPEAT = 10;
/** Probe strings stay this short so that testing them cannot itself backtrack for long. */
const MAX_PROBE = 6;
const FIXED_PROBES = ['a', 'A', 'z', '0', '1', ' ', '_', '-', '.', '@', '/', ':', ',', '\n', '\t', 'é', '!', '"', '<', '=', '\\'];

/**
 * Looks for exponential backtracking in a pattern. For each repetition (`*`, `+`, `{n,}` or `{n,m}`
 * with m >= 10) of a compound part B that is followed by something that can fail, it asks the engine
 * itself, on short probe strings, whether B can match one text in two ways: two matches of B whose
 * concatenation B also matches (`(\w+\s?)*`: "a", "a" and "aa"), or two alternatives of B matching the
 * same text (`(\w|\d)+`: "0"), or a forced count of a part that may match nothing (`(a?){25}`). Each
 * gives exponentially many ways to split the repetitions, all tried before the match
 * fails. Sound for the witnesses it finds; it misses ambiguity its probes do not reach and does not
 * look for polynomial (quadratic) cases like `\s*\s*$`. Returns null when none is found.
 */
export function findCatastrophicBacktracking(source: string, flags: string): BacktrackingRisk | null {
  if (source.length > MAX_SOURCE) return null;
  const ast = parseRegex(source, flags);
  if (!ast) return null;
  const probeFlags = flags.replace(/[^imsuv]/g, '');
  const compile = (fragment: string): RegExp | null => {
    try {
      return new RegExp(`^(?:${fragment})$`, probeFlags);
    } catch {
      return null; // e.g. a named group referenced from outside the fragment
    }
  };
  const text = (n: RegexNode): string => source.slice(n.start, n.end);
  const literals = [...new Set(collect(ast, (n) => n.type === 'char').map((n) => (n as { value: string }).value))];
  const singles = [...new Set([...FIXED_PROBES, ...literals])];
  const classCache = new Map<string, string | null>();
  const sample = (n: RegexNode): string | null => {
    switch (n.type) {
      case 'char':
        return n.value;
      case 'dot':
        return 'a';
      case 'class': {
        const src = text(n);
        if (!classCache.has(src)) {
          const re = compile(src);
          classCache.set(src, re ? (singles.find((c) => re.test(c)) ?? null) : null);
        }
        return classCache.get(src)!;
      }
      case 'assertion':
      case 'backreference':
        return '';
      case 'group':
        return n.kind === 'lookahead' || n.kind === 'lookbehind' ? '' : sample(n.body);
      case 'sequence': {
        let out = '';
        for (const item of n.items) {
          const s = sample(item);
          if (s === null || out.length + s.length > MAX_PROBE) return null;
          out += s;
        }
        return out;
      }
      case 'alternation': {
        for (const b of n.branches) {
          const s = sample(b);
          if (s) return s;
        }
        return '';
      }
      case 'quantifier': {
        const s = sample(n.body);
        const times = Math.max(n.min, 1);
        return s === null || s.length * times > MAX_PROBE ? null : s.repeat(times);
      }
    }
  };

  const loops = collectLoops(ast).sort((a, b) => b.path.length - a.path.length);
  for (const { loop, path } of loops.slice(0, 20)) {
    if (loop.type !== 'quantifier') continue;
    if (loop.min < 2 && !canFailAfter(path, loop)) continue;
    if (collect(loop.body, (n) => n.type === 'backreference').length > 0) continue;
    const body = compile(text(loop.body));
    if (!body) continue;
    const parts = [loop.body, ...collect(loop.body, (n) => n.type === 'quantifier' || n.type === 'alternation'), ...collect(loop.body, (n) => n.type === 'alternation').flatMap((a) => (a.type === 'alternation' ? a.branches : []))];
    const samples = parts.map(sample).filter((s): s is string => s !== null && s.length > 0);
    const probes = [...new Set([...singles, ...samples])].filter((p) => p.length <= MAX_PROBE);
    const matched = probes.filter((p) => body.test(p)).slice(0, 12);
    for (const p of matched) {
      for (const q of matched) {
        if (body.test(p + q)) {
          const nested = collect(loop.body, (n) => n.type === 'quantifier' && n.max === Infinity).length > 0;
          return { kind: nested ? 'nested-quantifier' : 'overlapping-repetition', fragment: text(loop), witness: p + q };
        }
      }
    }
    // A forced count of a part that may also match nothing, `(a?){25}`: which iterations take the
    // text is a free choice until the minimum is met (the engine only rejects empty iterations after it).
    if (loop.min >= MIN_REPEAT && body.test('') && matched.length > 0) {
      return { kind: 'nested-quantifier', fragment: text(loop), witness: matched[0]! };
    }
    for (const alt of collect(loop.body, (n) => n.type === 'alternation', true)) {
      if (alt.type !== 'alternation') continue;
      const branches = alt.branches.map((b) => compile(text(b)));
      for (let i = 0; i < branches.length; i++) {
        for (let j = i + 1; j < branches.length; j++) {
          const [bi, bj] = [branches[i], branches[j]];
          const witness = bi && bj ? probes.find((p) => bi.test(p) && bj.test(p)) : undefined;
          if (witness !== undefined) return { kind: 'overlapping-alternation', fragment: text(loop), witness };
        }
      }
    }
  }
  return null;
}

/** Nodes under `root` (itself included) that satisfy `test`; `skipLookaround` leaves zero-width groups out. */
function collect(root: RegexNode, test: (n: RegexNode) => boolean, skipLookaround = false): RegexNode[] {
  const out: RegexNode[] = [];
  const visit = (n: RegexNode): void => {
    if (test(n)) out.push(n);
    if (n.type === 'alternation') n.branches.forEach(visit);
    else if (n.type === 'sequence') n.items.forEach(visit);
    else if (n.type === 'group') {
      if (!(skipLookaround && (n.kind === 'lookahead' || n.kind === 'lookbehind'))) visit(n.body);
    } else if (n.type === 'quantifier') visit(n.body);
  };
  visit(root);
  return out;
}

/** Repetitions of compound parts (a repeated single character class cannot split two ways), with their ancestors. */
function collectLoops(root: RegexNode): Array<{ loop: RegexNode; path: RegexNode[] }> {
  const out: Array<{ loop: RegexNode; path: RegexNode[] }> = [];
  const visit = (n: RegexNode, path: RegexNode[]): void => {
    const inner = [...path, n];
    if (n.type === 'quantifier') {
      const atomic = n.body.type === 'char' || n.body.type === 'class' || n.body.type === 'dot' || n.body.type === 'backreference';
      if (!atomic && (n.max === Infinity || n.max >= MIN_REPEAT)) out.push({ loop: n, path });
      visit(n.body, inner);
    } else if (n.type === 'alternation') n.branches.forEach((b) => visit(b, inner));
    else if (n.type === 'sequence') n.items.forEach((i) => visit(i, inner));
    else if (n.type === 'group') visit(n.body, inner);
  };
  visit(root, []);
  return out;
}

/**
 * True when something after the loop can fail (a required atom, an anchor, a lookaround): without
 * that, the first way the loop matches is accepted and nothing is retried.
 */
function canFailAfter(path: RegexNode[], loop: RegexNode): boolean {
  let child = loop;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = path[i]!;
    if (parent.type === 'sequence') {
      const after = parent.items.slice(parent.items.indexOf(child) + 1);
      if (after.some(canFail)) return true;
    }
    if (parent.type === 'group' && (parent.kind === 'lookahead' || parent.kind === 'lookbehind')) return true;
    child = parent;
  }
  return false;
}

function canFail(n: RegexNode): boolean {
  switch (n.type) {
    case 'char':
    case 'class':
    case 'dot':
    case 'assertion':
      return true;
    case 'backreference':
      return false;
    case 'group':
      return n.kind === 'lookahead' || n.kind === 'lookbehind' || canFail(n.body);
    case 'quantifier':
      return n.min > 0 && canFail(n.body);
    case 'sequence':
      return n.items.some(canFail);
    case 'alternation':
      return n.branches.every(canFail);
  }
}
