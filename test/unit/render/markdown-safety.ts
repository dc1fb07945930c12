/**
 * The raw HTML a Markdown string would hand to GitHub, ignoring code (fenced blocks and code spans, which
 * GitHub shows as text). Good enough for our own output, whose structure we control.
 */
export function rawHtmlTags(markdown: string): string[] {
  const withoutFences = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
  const withoutSpans = withoutFences.replace(/(?<!\\)(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g, '');
  return withoutSpans.match(/<[^>]*>?/g) ?? [];
}

/** The tags our own templates emit; anything else in `rawHtmlTags` is an injection. */
export const OWN_TAGS = new Set(['<details>', '</details>', '<summary>', '</summary>', '<!-- argus:summary -->']);

/** True for our own markup, including the per-finding fingerprint marker. */
export function isOwnTag(tag: string): boolean {
  return OWN_TAGS.has(tag) || /^<!-- argus:fp=[A-Za-z0-9%._~!*'()-]+ -->$/.test(tag);
}
