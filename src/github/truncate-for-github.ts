/**
 * Cuts Markdown to at most `max` UTF-16 units (never more characters than GitHub counts), ending with a note
 * saying so. The cut falls at a line end when one is near, never inside a surrogate pair, and an open code fence
 * is closed so the note is not swallowed into a code block.
 */
export function truncateForGitHub(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = (left: number) => `\n\n_(truncated: GitHub limits this text to ${max} characters; ${left} more not shown.)_`;
  // Reserve room for the longest note and a fence close.
  const room = max - tail(text.length).length - '\n```'.length;
  if (room <= 0) return text.slice(0, max);
  let cut = room;
  const lineEnd = text.lastIndexOf('\n', cut);
  if (lineEnd > room * 0.9) cut = lineEnd;
  else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  let kept = text.slice(0, cut);
  if ((kept.match(/^\s*(```|~~~)/gm) ?? []).length % 2 === 1) kept += '\n```';
  return kept + tail(text.length - cut);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
