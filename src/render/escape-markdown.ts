import { codeSpan } from './code-span.js';
import { neutralizeControls } from './neutralize-controls.js';

/** Characters that start inline Markdown/HTML anywhere on a line. */
const INLINE_SPECIAL = /[\\`*_[\]|~<>&]/g;

const ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** A balanced code span on one line: a backtick run, then the next run of exactly the same length (CommonMark 6.1). */
const CODE_SPAN = /(?<!`)(`+)(?!`)([^\n]*?[^`\n])\1(?!`)/g;

/** Options for {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /** Collapse all whitespace, newlines included, into single spaces (for list items, bold titles, quotes). */
  inline?: boolean;
}

/**
 * Turns untrusted text (titles, messages, notes: partly written by the code under review or an LLM) into
 * Markdown that renders as that text on GitHub: no HTML, no links or images, no emphasis, no headings, lists,
 * quotes or fences started by the text, no @-mentions or #-references that would notify people or cross-link
 * issues (a zero-width space after `@`/`#`, as Renovate does). Balanced `code spans` are kept as code, re-emitted
 * through `codeSpan` so they cannot swallow what follows; stray backticks are escaped.
 * Not for code blocks: see `fenceCode`.
 */
export function escapeMarkdown(text: string, options: EscapeMarkdownOptions = {}): string {
  let safe = neutralizeControls(text);
  if (options.inline === true) safe = safe.replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const match of safe.matchAll(CODE_SPAN)) {
    out += escapeText(safe.slice(last, match.index), last === 0) + codeSpan(match[2] ?? '');
    last = match.index + match[0].length;
  }
  return out + escapeText(safe.slice(last), last === 0);
}

/** Escapes plain text; `atLineStart` says whether its first line begins a Markdown line. */
function escapeText(text: string, atLineStart: boolean): string {
  return text
    .split('\n')
    .map((line, i) => escapeLine(line, atLineStart || i > 0))
    .join('\n');
}

function escapeLine(line: string, atLineStart: boolean): string {
  let out = line
    .replace(INLINE_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    // One pass: a second one for `#` would also hit the `&#8203;` inserted after `@`.
    .replace(/(?<!\w)@(?=\w)|#(?=\d)/g, (mark) => `${mark}&#8203;`);
  if (atLineStart) {
    // Block syntax only counts at the start of a line: headings, list items, setext underlines.
    out = out.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  }
  return out;
}
