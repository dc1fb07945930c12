import type { StaticRule } from './rule.js';

/** For one file's text: per rule (same order), whether the rule can find anything there. */
export type RuleFilter = (text: string) => readonly boolean[];

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
/**
 * An escape that can spell any character: `ev\u0061l(x)` calls `eval`, `cp['ex\x65c']` reads `exec`,
 * `'ex\<newline>ec'` is `'exec'`. A text holding one runs every rule. Identity escapes in strings (`'\y'` is
 * `'y'`) are not covered here: `\d`, `\s`, `\w` in regular expressions would make nearly every file match. A rule
 * whose words can be read from a string adds the escaped letters to its own `needs` (sync-io-in-handler does).
 */
const NAME_ESCAPE = /\\(?:u|x|[0-7]|\r|\n|\u2028|\u2029)/;

/**
 * Builds the text prefilter for a rule list from the rules' `needs` words: a rule without `needs` always runs,
 * one with `needs` runs when at least one of its words occurs in the text (case-sensitive), or when the text
 * holds an escape that could spell a word (`NAME_ESCAPE`). All words go into
 * one regular expression so the text is scanned once for every rule, not once per rule (per-rule scans cost
 * about as much as the rules they skipped, measured with bench/static.bench.ts).
 */
export function createRuleFilter(rules: readonly StaticRule[]): RuleFilter {
  const filtered = rules.filter((r) => r.needs !== undefined).length;
  const everyRule = rules.map(() => true);
  if (filtered === 0) return () => everyRule;
  // Longest first, so the word matched at a position is the longest there and every shorter one is its prefix.
  const words = [...new Set(rules.flatMap((r) => r.needs ?? []))].filter((w) => w.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(words.map((w) => w.replace(SPECIAL, '\\$&')).join('|'), 'g');
  /** For each word as matched: the rules it satisfies (those needing it or one of its prefixes). */
  const satisfied = new Map(words.map((m) => [m, rules.flatMap((r, i) => (r.needs?.some((w) => m.startsWith(w)) ? [i] : []))]));
  return (text) => {
    if (NAME_ESCAPE.test(text)) return everyRule;
    const ok = rules.map((r) => r.needs === undefined);
    let left = filtered;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (left > 0 && (m = pattern.exec(text)) !== null) {
      for (const i of satisfied.get(m[0])!) {
        if (ok[i]) continue;
        ok[i] = true;
        left--;
      }
      // Resume one character on, not after the match: a word can start inside another (`jose` in `josession`).
      pattern.lastIndex = m.index + 1;
    }
    return ok;
  };
}
