import type { StaticRule } from './rule.js';

/** For one file's text: per rule (same order), whether the rule can find anything there. */
export type RuleFilter = (text: string) => readonly boolean[];

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
/**
 * Escapes that can spell any character: `ev\u0061l(x)` calls `eval`, `cp['ex\x65c']` reads `exec`,
 * `'ex\<newline>ec'` is `'exec'`. A text holding one runs every rule. Identity escapes in strings (`'\y'` is
 * `'y'`) are not covered here: `\d`, `\s`, `\w` in regular expressions would make nearly every file match. A rule
 * whose words can be read from a string adds the escaped letters to its own `needs` (sync-io-in-handler does).
 */
const ESCAPE_WORDS = ['\\u', '\\x', ...'01234567'.split('').map((d) => `\\${d}`), '\\\r', '\\\n', '\\\u2028', '\\\u2029'];

/**
 * Builds the text prefilter for a rule list from the rules' `needs` words: a rule without `needs` always runs,
 * one with `needs` runs when at least one of its words occurs in the text (case-sensitive), or when the text
 * holds an escape that could spell a word (`ESCAPE_WORDS`). All words and escapes go into one regular
 * expression so the text is scanned once for every rule, not once per rule (per-rule scans cost about as much
 * as the rules they skipped, measured with bench/static.bench.ts).
 */
export function createRuleFilter(rules: readonly StaticRule[]): RuleFilter {
  const filtered = rules.filter((r) => r.needs !== undefined).length;
  const everyRule = rules.map(() => true);
  if (filtered === 0) return () => everyRule;
  const words = [...new Set(rules.flatMap((r) => r.needs ?? []))].filter((w) => w.length > 0);
  const pattern = new RegExp(trieSource([...words, ...ESCAPE_WORDS]), 'g');
  /** For each word as matched: the rules it satisfies (those needing it or one of its prefixes); null for an escape. */
  const satisfied = new Map<string, number[] | null>(words.map((m) => [m, rules.flatMap((r, i) => (r.needs?.some((w) => m.startsWith(w)) ? [i] : []))]));
  for (const e of ESCAPE_WORDS) satisfied.set(e, null);
  return (text) => {
    const ok = rules.map((r) => r.needs === undefined);
    let left = filtered;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (left > 0 && (m = pattern.exec(text)) !== null) {
      const hits = satisfied.get(m[0]);
      if (hits === undefined) throw new Error(`create-rule-filter: matched ${JSON.stringify(m[0])}, which is no word`);
      if (hits === null) return everyRule;
      for (const i of hits) {
        if (ok[i]) continue;
        ok[i] = true;
        left--;
      }
      // Resume one character on, not after the match: a word can start inside another (`jose` in `josession`).
      pattern.lastIndex = m.index + 1;
    }
    // Every filtered rule runs now, and an escape later in the text would change nothing.
    return ok;
  };
}

/**
 * The words as one regular expression shaped as a trie (`a(?:sync|wait)|f(?:s|etch)`), longest match first at
 * each position. A flat alternation of the 150-odd words tries every word at every character; as a trie, one
 * character picks the branch: 45 ms a pass on the 253k-line corpus instead of 53 for the flat alternation plus the
 * separate escape scan (medians of 8 interleaved runs, session 4).
 */
export function trieSource(words: readonly string[]): string {
  interface Trie {
    end: boolean;
    next: Map<string, Trie>;
  }
  const root: Trie = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let n = node.next.get(ch);
      if (n === undefined) node.next.set(ch, (n = { end: false, next: new Map() }));
      node = n;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ch, n]) => escapeChar(ch) + emit(n));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    // A word that ends here and continues in a longer one: try the longer first (greedy `?`), so the match is the longest.
    if (node.end) return branches.length === 1 && branches[0]!.length > 1 ? `(?:${body})?` : `${body}?`;
    return body;
  };
  return emit(root);
}

function escapeChar(ch: string): string {
  if (ch === '\r') return '\\r';
  if (ch === '\n') return '\\n';
  if (ch === '\u2028') return '\\u2028';
  if (ch === '\u2029') return '\\u2029';
  return ch.replace(SPECIAL, '\\$&');
}
