import { scanSecrets } from './scan-secrets.js';

/**
 * Replaces every secret `scanSecrets` finds with `[REDACTED:<kind>]`. Used on everything that leaves
 * the process (LLM prompts) and on log lines.
 */
export function redactSecrets(text: string): string {
  const matches = scanSecrets(text);
  if (matches.length === 0) return text;
  const lines = text.split(/(\r?\n)/);
  // split with a capture group interleaves separators: line k (1-based) is at index 2 * (k - 1).
  const byLine = new Map<number, typeof matches>();
  for (const m of matches) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  for (const [line, found] of byLine) {
    const i = 2 * (line - 1);
    let s = lines[i]!;
    for (const m of [...found].sort((a, b) => b.column - a.column)) {
      s = s.slice(0, m.column) + `[REDACTED:${m.kind}]` + s.slice(m.column + m.value.length);
    }
    lines[i] = s;
  }
  return lines.join('');
}
