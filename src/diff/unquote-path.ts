const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92,
};

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** A C-quoted path read from the start of a string, and where the closing quote ends. */
export interface UnquotedPath {
  path: string;
  /** Index just past the closing quote. */
  end: number;
}

/**
 * Reads a path git wrote C-quoted (`"a/caf\303\251.txt"`, the default `core.quotePath`) from `text` at `start`,
 * which must be the opening quote. Octal escapes are raw bytes and are decoded as UTF-8. Returns null when the
 * quote is not terminated or an escape is not one git writes.
 */
export function unquotePath(text: string, start = 0): UnquotedPath | null {
  if (text.charCodeAt(start) !== 34) return null;
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { path: utf8.decode(Uint8Array.from(bytes)), end: i + 1 };
    if (ch !== '\\') {
      const cp = text.codePointAt(i)!;
      if (cp < 0x80) bytes.push(cp);
      // git writes non-ASCII as octal, but a hand-quoted path may hold it raw.
      else bytes.push(...utf8Encoder.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return null;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 2;
    } else if (/^[0-3][0-7]{2}$/.test(text.slice(i + 1, i + 4))) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 4;
    } else {
      return null;
    }
  }
  return null;
}
