/**
 * Cuts plain text to at most `maxBytes` bytes of UTF-8 (limits such as GitHub's 64 KB annotation message count
 * bytes, not characters), ending with a note saying how much was left out. Never splits a character.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= maxBytes) return text;
  const note = (left: number) => `\n… (truncated: ${left} more bytes not shown)`;
  const budget = maxBytes - Buffer.byteLength(note(size), 'utf8');
  let kept = '';
  let used = 0;
  for (const char of text) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (used + bytes > budget) break;
    kept += char;
    used += bytes;
  }
  return kept + note(size - used);
}
