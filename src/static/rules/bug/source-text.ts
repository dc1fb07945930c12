import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** The source text of `node`, cut from the file's lines by its `loc` (the parser runs without tokens or raw text). */
export function sourceText(lines: readonly string[], node: TSESTree.Node): string {
  const { start, end } = node.loc;
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column, end.column);
  const parts = lines.slice(start.line - 1, end.line);
  parts[0] = (parts[0] ?? '').slice(start.column);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? '').slice(0, end.column);
  return parts.join('\n');
}

/** A character of the source and where it is (1-based line, 0-based column, as in `loc`). */
export interface SourceChar {
  char: string;
  line: number;
  column: number;
}

/** The nearest non-whitespace character before `pos`, looking back across lines; null at the start of the file. */
export function charBefore(lines: readonly string[], pos: TSESTree.Position): SourceChar | null {
  let line = pos.line;
  let column = pos.column;
  while (line >= 1) {
    const text = lines[line - 1] ?? '';
    for (let c = Math.min(column, text.length) - 1; c >= 0; c--) {
      const char = text[c]!;
      if (char !== ' ' && char !== '\t' && char !== '\r') return { char, line, column: c };
    }
    line--;
    column = Number.POSITIVE_INFINITY;
  }
  return null;
}
