import { neutralizeControls } from './neutralize-controls.js';

/** Characters that start inline Markdown/HTML anywhere on a line. */
const INLINE_SPECIAL = /[\\`*_[\]|~<>&]/g;

const ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Options for {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /** Collapse all whitespace, newlines included, into single spaces (for list items, bold titles, quotes). */
  inline?: boolean;
}

/**
 * Turns untrusted text (titles, messages, notes: partly written by the code under review or an LLM) into
 * Markdown that renders as exactly that text on GitHub: no HTML, no links or images, no emphasis, no
 * headings/lists/quotes/fences started by the text, no @-mentions or #-references that would notify people
 * or cross-link issues (the zero-width space is what Renovate does for the same reason).
 * Not for code spans or fences: see `codeSpan` and `fenceCode`.
 */
export function escapeMarkdown(text: string, options: EscapeMarkdownOptions = {}): string {
  let safe = neutralizeControls(text);
  if (options.inline === true) safe = safe.replace(/\s+/g, ' ').trim();
  return safe.split('\n').map(escapeLine).join('\n');
}

function escapeLine(line: string): string {
  return (
    line
      .replace(INLINE_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
      // Block syntax only counts at the start of a line: headings, list items, setext underlines.
      .replace(/^(\s*)([#+=-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
      .replace(/(?<!\w)@(?=\w)/g, '@&#8203;')
      .replace(/#(?=\d)/g, '#&#8203;')
  );
}
