import { longestRun } from './longest-run.js';

/**
 * A fenced code block around `text`, verbatim (it is code to be applied, so it is not altered). The fence
 * is longer than any backtick run inside, so no line of the text can close it. Empty text gives an empty
 * block, which is how a GitHub suggestion deletes lines.
 */
export function fenceCode(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return text === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${text}\n${fence}`;
}
