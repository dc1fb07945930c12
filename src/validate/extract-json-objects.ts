import { parseJson } from './parse-json.js';

const OPEN_FENCE = /^[ \t]*```[ \t]*([\w-]*)[ \t]*$/;
const CLOSE_FENCE = /^[ \t]*```[ \t]*$/;

/**
 * Characters the brace scan may read (re-reads included). A `{` in prose that never closes costs a pass over
 * the rest of the text before the scan moves on, so hostile input (thousands of `{`) would be quadratic.
 */
const SCAN_BUDGET = 4_000_000;

/**
 * The JSON values a model's plain-text answer holds, best first: each fenced ```json (or untagged) block that
 * parses, then each balanced top-level `{...}` of the text that parses. Lazy, so the caller stops at the one
 * it wants. Only extracts: a slice that does not parse as it stands is skipped, never mended. Braces inside
 * JSON strings do not count; the inside of an object that parsed is not searched again.
 */
export function* extractJsonObjects(text: string): Generator<unknown> {
  for (const block of fencedJsonBlocks(text)) {
    const parsed = parseJson(block);
    if (parsed.ok) yield parsed.value;
  }
  let budget = SCAN_BUDGET;
  let from = text.indexOf('{');
  while (from !== -1 && budget > 0) {
    const end = closingBrace(text, from);
    budget -= (end === -1 ? text.length : end + 1) - from;
    if (end !== -1) {
      const parsed = parseJson(text.slice(from, end + 1));
      if (parsed.ok) {
        yield parsed.value;
        from = text.indexOf('{', end + 1);
        continue;
      }
    }
    // An unclosed or unparsable slice may have started at a brace in prose: the answer can begin inside it.
    from = text.indexOf('{', from + 1);
  }
}

/**
 * Contents of fenced blocks tagged `json` (any case) or untagged; other languages' blocks are code, not the
 * answer. Fences are paired line by line, so the closing fence of a ```ts block is never read as an opening.
 */
function fencedJsonBlocks(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lines[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !CLOSE_FENCE.test(lines[close]!)) close++;
    if (close === lines.length) break;
    const tag = open[1]!.toLowerCase();
    if (tag === '' || tag === 'json') blocks.push(lines.slice(i + 1, close).join('\n'));
    i = close;
  }
  return blocks;
}

/** Index of the `}` closing the `{` at `start`, or -1 when the text ends first. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
