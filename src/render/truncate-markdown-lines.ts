/**
 * Cuts Markdown made of whole lines to at most `max` UTF-16 units (never more characters than GitHub counts),
 * at a line end, and ends it with `note`. A `<details>` block left open by the cut is closed, so the note and
 * whatever the caller appends are not hidden inside it. Text that fits is returned unchanged. Not for text
 * with code fences: a fence cut open would swallow the rest.
 */
export function truncateMarkdownLines(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  const close = '\n\n</details>';
  const room = Math.max(0, max - note.length - close.length - 2);
  const cutAt = text.lastIndexOf('\n', room);
  let kept = text.slice(0, cutAt > 0 ? cutAt : room).trimEnd();
  const open = (kept.match(/^<details>/gm) ?? []).length - (kept.match(/^<\/details>/gm) ?? []).length;
  if (open > 0) kept += close;
  return `${kept}\n\n${note}`;
}
