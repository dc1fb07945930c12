import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** The source text of `node`, read from the file's lines. */
export function nodeText(lines: readonly string[], node: TSESTree.Node): string {
  const { start, end } = node.loc;
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column, end.column);
  const parts = lines.slice(start.line - 1, end.line);
  parts[0] = (parts[0] ?? '').slice(start.column);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? '').slice(0, end.column);
  return parts.join('\n');
}

/**
 * A suggestion for the lines of `reported` (what a finding's suggestion replaces: its whole lines), with the
 * text of `target` (inside them) replaced by `replacement`. The rest of those lines is kept as written.
 */
export function replaceNodeText(lines: readonly string[], reported: TSESTree.Node, target: TSESTree.Node, replacement: string): string {
  const first = reported.loc.start.line;
  const last = reported.loc.end.line;
  const block = lines.slice(first - 1, last);
  const before = block.slice(0, target.loc.start.line - first);
  const head = (block[target.loc.start.line - first] ?? '').slice(0, target.loc.start.column);
  const tail = (block[target.loc.end.line - first] ?? '').slice(target.loc.end.column);
  const after = block.slice(target.loc.end.line - first + 1);
  return [...before, head + replacement + tail, ...after].join('\n');
}
