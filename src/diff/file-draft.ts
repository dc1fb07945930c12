import type { Hunk } from './types.js';

/**
 * What the parser has learnt about one file so far. Paths come from several header lines that git writes
 * in a fixed order but that rank differently (`rename to` beats `+++`, which beats `diff --git`), so they are
 * kept apart and resolved once, in `finishFile`.
 */
export interface FileDraft {
  /** 1-based line of the diff where the file starts, for error messages. */
  line: number;
  /** Started by `diff --git` (extended header lines are read) rather than by `---`/`+++`. */
  git: boolean;
  headerOld: string | null;
  headerNew: string | null;
  oldPrefix: string;
  newPrefix: string;
  /** From `---`/`+++`: undefined when absent, null for /dev/null. */
  minus: string | null | undefined;
  plus: string | null | undefined;
  renameFrom: string | null;
  renameTo: string | null;
  copyFrom: string | null;
  copyTo: string | null;
  created: boolean;
  deleted: boolean;
  oldMode: string | null;
  newMode: string | null;
  /** The mode changed though the modes are unknown (GitHub's `changed` status). */
  modeChanged: boolean;
  binary: boolean;
  patchMissing: boolean;
  hunks: Hunk[];
  addedLines: Set<number>;
  commentableLines: Set<number>;
  additions: number;
  deletions: number;
}

/** An empty draft for a file starting at 1-based `line`. */
export function createFileDraft(line: number, git: boolean): FileDraft {
  return {
    line, git, headerOld: null, headerNew: null, oldPrefix: 'a/', newPrefix: 'b/', minus: undefined, plus: undefined,
    renameFrom: null, renameTo: null, copyFrom: null, copyTo: null, created: false, deleted: false,
    oldMode: null, newMode: null, modeChanged: false, binary: false, patchMissing: false,
    hunks: [], addedLines: new Set(), commentableLines: new Set(), additions: 0, deletions: 0,
  };
}

/** The best path known so far (new side first), or null; used for messages and by `finishFile`. */
export function draftPath(d: FileDraft): string | null {
  return d.renameTo ?? d.copyTo ?? d.plus ?? d.headerNew ?? d.renameFrom ?? d.copyFrom ?? d.minus ?? d.headerOld;
}
