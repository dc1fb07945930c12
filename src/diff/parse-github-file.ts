import { DiffParseError } from './diff-parse-error.js';
import { createFileDraft, draftPath, type FileDraft } from './file-draft.js';
import { finishFile } from './finish-file.js';
import { parseHunk } from './parse-hunk.js';
import { splitLines } from './split-lines.js';
import type { DiffFile } from './types.js';

/** The fields of a PR files API entry (`GET /repos/{owner}/{repo}/pulls/{pull_number}/files`) that the model needs. */
export interface GithubFileEntry {
  filename: string;
  status: string;
  patch?: string | null;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

const STATUSES = ['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged'];

/**
 * Parses one entry of GitHub's PR files API. Its `patch` holds hunks only (it starts with `@@`); GitHub leaves it
 * out for binary files and for diffs too large to show, and does not say which, so such a file gets
 * `noPatch: 'patch-missing'`, `binary: false`, and the entry's own `additions`/`deletions`. GitHub sends no modes,
 * so `oldMode`/`newMode` are null; `changed` (a mode change) maps to `modified`, as does `unchanged`.
 * See https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files.
 *
 * @throws DiffParseError for an unknown status, a rename or copy without `previous_filename`, or a malformed patch.
 */
export function parseGithubFile(entry: GithubFileEntry): DiffFile {
  const { filename, status } = entry;
  const file = createFileDraft(1, false);
  switch (status) {
    case 'added':
      file.created = true;
      file.headerNew = filename;
      break;
    case 'removed':
      file.deleted = true;
      file.headerOld = filename;
      break;
    case 'renamed':
    case 'copied': {
      const from = entry.previous_filename;
      if (!from) {
        throw new DiffParseError(`GitHub file ${filename} is "${status}" but has no previous_filename; pass the entry as the PR files API returns it`);
      }
      if (status === 'renamed') [file.renameFrom, file.renameTo] = [from, filename];
      else [file.copyFrom, file.copyTo] = [from, filename];
      break;
    }
    case 'modified':
    case 'changed':
    case 'unchanged':
      file.headerOld = file.headerNew = filename;
      break;
    default:
      throw new DiffParseError(`unknown GitHub file status "${status}" for ${filename}; expected one of ${STATUSES.join(', ')}`);
  }
  if (entry.patch) {
    readPatch(entry.patch, file);
  } else {
    file.additions = entry.additions ?? 0;
    file.deletions = entry.deletions ?? 0;
    const changedLines = file.additions + file.deletions;
    // `changed` without line changes is a mode-only change; `unchanged` has nothing to show.
    if (status === 'changed' && changedLines === 0) file.modeChanged = true;
    else if (status !== 'unchanged') file.patchMissing = true;
  }
  return finishFile(file);
}

function readPatch(patch: string, file: FileDraft): void {
  const lines = splitLines(patch);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith('@@')) {
      throw new DiffParseError(
        `bad GitHub patch for ${draftPath(file)}: line ${i + 1} is not a hunk header: ${JSON.stringify(line.slice(0, 60))}; pass the "patch" field of a PR files API entry, which starts with "@@"`,
      );
    }
    i = parseHunk(lines, i, file);
  }
}
