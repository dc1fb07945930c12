import { neutralizeControls } from './neutralize-controls.js';
import { longestRun } from './longest-run.js';

/**
 * Wraps untrusted text in an inline code span it cannot break out of: the backtick run is longer than any
 * inside the text, and newlines become spaces (a newline could otherwise end the enclosing block).
 * Nothing inside a code span is interpreted, so no other escaping is needed.
 */
export function codeSpan(text: string): string {
  const content = neutralizeControls(text).replace(/\s*\n\s*/g, ' ');
  const ticks = '`'.repeat(longestRun(content, '`') + 1);
  // CommonMark strips one space on each side when both are present; pad so backticks and edge spaces survive.
  const pad = /^[` ]|[` ]$/.test(content) || content === '' ? ' ' : '';
  return `${ticks}${pad}${content}${pad}${ticks}`;
}
