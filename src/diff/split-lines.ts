/**
 * Splits diff text into lines: no line endings, no trailing CR (diffs that went through Windows tools, or of
 * CRLF files, carry `\r\n`), and no empty last element for a final newline.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Most diffs have no CR at all; skip the per-line pass for them.
  if (text.includes('\r')) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
    }
  }
  return lines;
}
