/** The diff model: unified diffs and GitHub file entries parsed into files, hunks and commentable lines. */
export { changedLineCount } from './changed-line-count.js';
export { DiffParseError } from './diff-parse-error.js';
export { parseDiff } from './parse-diff.js';
export { parseGithubFile, type GithubFileEntry } from './parse-github-file.js';
export type { DiffFile, DiffLine, FileStatus, Hunk, NoPatchReason } from './types.js';
