import { redactLines } from './redact-lines.js';

/**
 * `text` with every secret replaced by `[REDACTED:<kind>]`, private-key bodies and over-long lines included
 * (see `redactLines`), line endings kept. Used on everything that leaves the process besides prompts (which
 * use `redactLines` directly): Semgrep messages, notes.
 */
export function redactSecrets(text: string): string {
  const parts = text.split(/(\r?\n)/);
  // split with a capture group interleaves separators: the lines are at even indexes.
  const redacted = redactLines(parts.filter((_, i) => i % 2 === 0));
  return parts.map((part, i) => (i % 2 === 0 ? redacted[i / 2]! : part)).join('');
}
