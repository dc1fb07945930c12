import { DiffParseError } from './diff-parse-error.js';
import type { FileDraft } from './file-draft.js';
import type { DiffFile, FileStatus, NoPatchReason } from './types.js';

/** Turns a finished draft into a `DiffFile`, resolving its paths, status and why it has no hunks. */
export function finishFile(d: FileDraft): DiffFile {
  const status = draftStatus(d);
  const oldName = d.renameFrom ?? d.copyFrom ?? (d.minus !== undefined ? d.minus : d.headerOld);
  const newName = d.renameTo ?? d.copyTo ?? (d.plus !== undefined ? d.plus : d.headerNew);
  const path = status === 'deleted' ? (oldName ?? newName) : (newName ?? oldName);
  if (path === null) {
    throw new DiffParseError(
      `cannot tell which file the diff at line ${d.line} is about: its "diff --git" line is ambiguous and no "---"/"+++" or "rename from"/"rename to" lines follow; pass the unmodified output of "git diff"`,
    );
  }
  return {
    path,
    oldPath: status === 'added' ? null : (oldName ?? path),
    status,
    binary: d.binary,
    oldMode: d.oldMode,
    newMode: d.newMode,
    hunks: d.hunks,
    noPatch: d.hunks.length > 0 ? null : noPatchReason(d, status),
    addedLines: d.addedLines,
    commentableLines: d.commentableLines,
    additions: d.additions,
    deletions: d.deletions,
  };
}

function noPatchReason(d: FileDraft, status: DiffFile['status']): NoPatchReason {
  if (d.binary) return 'binary';
  if (d.patchMissing) return 'patch-missing';
  if (d.modeChanged || (d.oldMode !== null && d.newMode !== null && d.oldMode !== d.newMode)) return 'mode-only';
  if (status === 'added' || status === 'deleted') return 'empty';
  return 'unchanged';
}

function draftStatus(d: FileDraft): FileStatus {
  if (d.created || d.minus === null) return 'added';
  if (d.deleted || d.plus === null) return 'deleted';
  if (d.renameTo !== null) return 'renamed';
  if (d.copyTo !== null) return 'copied';
  return 'modified';
}
