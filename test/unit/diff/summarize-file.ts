import type { DiffFile } from '../../../src/diff/index.js';

/** A DiffFile flattened to JSON-friendly values, as `fixtures/diff/cases.json` stores the expected results. */
export interface FileSummary {
  path: string;
  oldPath: string | null;
  status: string;
  binary: boolean;
  oldMode: string | null;
  newMode: string | null;
  noPatch: string | null;
  additions: number;
  deletions: number;
  added: number[];
  commentable: number[];
  /** One entry per hunk header (`@@ -1,3 +1,3 @@ section`) and per line (`kind old new "content"`, `-` for none). */
  lines: string[];
}

/** Flattens `file` so a whole parse can be compared with one `toEqual` and stored as JSON. */
export function summarizeFile(file: DiffFile): FileSummary {
  const lines: string[] = [];
  for (const h of file.hunks) {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ ${h.section}`.trimEnd());
    for (const l of h.lines) lines.push(`${l.kind} ${l.oldLine ?? '-'} ${l.newLine ?? '-'} ${JSON.stringify(l.content)}`);
  }
  return {
    path: file.path,
    oldPath: file.oldPath,
    status: file.status,
    binary: file.binary,
    oldMode: file.oldMode,
    newMode: file.newMode,
    noPatch: file.noPatch,
    additions: file.additions,
    deletions: file.deletions,
    added: [...file.addedLines].sort((a, b) => a - b),
    commentable: [...file.commentableLines].sort((a, b) => a - b),
    lines,
  };
}
