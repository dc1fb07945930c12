/** One line of a hunk. Line numbers are 1-based; `oldLine` is null for added lines, `newLine` for deleted. */
export interface DiffLine {
  kind: 'add' | 'del' | 'context';
  /** The line's text without the leading marker and without the line ending (a trailing CR is kept off too). */
  content: string;
  oldLine: number | null;
  newLine: number | null;
}

/** One `@@ -oldStart,oldLines +newStart,newLines @@` block; the numbers are the header's, as written (an omitted count is 1). */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (git's function context), trimmed; '' when absent. */
  section: string;
  lines: DiffLine[];
}

/** What happened to a file between the old and the new tree. */
export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/**
 * Why a file has no usable hunks:
 * - `binary`: git reported a binary change ("Binary files ... differ" or `GIT binary patch`);
 * - `patch-missing`: GitHub sent the file without a `patch` (too large, or binary: the API does not say which);
 * - `mode-only`: only the file mode changed (e.g. chmod +x);
 * - `empty`: an empty file was added or deleted;
 * - `unchanged`: the content is identical (a pure rename or copy, or GitHub's `unchanged` status).
 */
export type NoPatchReason = 'binary' | 'patch-missing' | 'mode-only' | 'empty' | 'unchanged';

/** One file of a diff: its paths, status and modes, its hunks, and the new-side lines a review may point at. */
export interface DiffFile {
  /** Path in the new tree (for deleted files: the old path). Unquoted, unescaped, without the a/ or b/ prefix. */
  path: string;
  /** Path in the old tree; differs from `path` for renames and copies; null for added files. */
  oldPath: string | null;
  status: FileStatus;
  binary: boolean;
  oldMode: string | null;
  newMode: string | null;
  hunks: Hunk[];
  /** Set when the file carries no hunks, saying why. */
  noPatch: NoPatchReason | null;
  /** New-file line numbers of added lines. */
  addedLines: ReadonlySet<number>;
  /**
   * New-file line numbers GitHub accepts for a review comment on the RIGHT side:
   * every added and context line inside a hunk.
   */
  commentableLines: ReadonlySet<number>;
  additions: number;
  deletions: number;
}
