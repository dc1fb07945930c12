import { isCommandName } from './command-names.js';

/** A command found in a comment: its name (lowercase) and the rest of its line, trimmed. */
export interface ParsedCommand {
  name: string;
  args: string;
  /** `long` for `/argus <name>` and `@<slug> <name>`, `short` for `/<name>`. */
  form: 'long' | 'short';
  /** Whether `name` is a command Argus has (only the long form can carry an unknown name). */
  known: boolean;
}

/** An opening or closing code fence (CommonMark: up to 3 spaces of indent, 3+ backticks or tildes). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line of a `>` block quote (replies quoting a command must not run it again). */
const QUOTE = /^ {0,3}>/;
/** A command starts a line (up to 3 spaces; 4 make an indented code block). */
const LONG = /^ {0,3}(?:\/argus|@([A-Za-z0-9][A-Za-z0-9-]*)(?:\[bot\])?)(?:[ \t]+(\S+))?(?:[ \t]+(.*))?$/i;
const SHORT = /^ {0,3}\/([A-Za-z][A-Za-z-]*)(?:[ \t]+(.*))?$/;

/**
 * The first command in a comment body, or null. Pure: no Probot, no I/O.
 *
 * A command must start a line outside fenced code blocks and `>` quotes. Three forms: `/argus <name> [args]`,
 * `@<appSlug> <name> [args]`, and the short `/<name> [args]`, which only counts for known names (so `/cc` or
 * a path like `/usr/bin` is not a command). `/argus` or `@<appSlug>` alone means `help`. Names compare
 * without case; args are the rest of the line.
 */
export function parseCommand(body: string, appSlug: string): ParsedCommand | null {
  let fence: { char: string; length: number } | null = null;
  for (const line of body.split(/\r?\n/)) {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // A closing fence is the same character, at least as long, with nothing after it.
      if (opener !== undefined && opener[0] === fence.char && opener.length >= fence.length && line.trim() === opener) fence = null;
      continue;
    }
    if (opener !== undefined) {
      fence = { char: opener[0]!, length: opener.length };
      continue;
    }
    if (QUOTE.test(line)) continue;
    const found = matchLine(line, appSlug);
    if (found !== null) return found;
  }
  return null;
}

function matchLine(line: string, appSlug: string): ParsedCommand | null {
  const long = LONG.exec(line);
  if (long !== null) {
    const mention = long[1];
    // `@someone-else review` is addressed to someone else.
    if (mention === undefined || mention.toLowerCase() === appSlug.toLowerCase()) {
      const name = (long[2] ?? 'help').toLowerCase();
      return { name, args: (long[3] ?? '').trim(), form: 'long', known: isCommandName(name) };
    }
    return null;
  }
  const short = SHORT.exec(line);
  if (short === null) return null;
  const name = short[1]!.toLowerCase();
  return isCommandName(name) ? { name, args: (short[2] ?? '').trim(), form: 'short', known: true } : null;
}
