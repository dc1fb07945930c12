import type { DiffFile } from '../../diff/types.js';
import type { GitHubPort, PullRequestInfo, PullRequestRef } from '../github-port.js';

/** The change one run reviews. */
export interface SelectedChanges {
  /** The pull request's files (the whole change against the base). */
  files: DiffFile[];
  /** Lines new since the last reviewed commit, by path; null when the whole pull request is reviewed. */
  focus: Map<string, Set<number>> | null;
  /** The reviewed commit range: `from` null means the whole pull request. */
  range: { from: string | null; to: string };
  notes: string[];
}

/**
 * Incremental review: when the summary says `reviewedSha` was reviewed and it is still an ancestor of the
 * head, only lines changed since then are focus (compare API), intersected with the pull request's own
 * diff (a line an increment changed back to the base version is not in the PR diff and cannot take a
 * comment). After a force-push that rewrote history (compare says diverged, or the commit is gone), or
 * when `full` is asked, the whole pull request is reviewed.
 */
export async function selectChanges(
  github: GitHubPort,
  ref: PullRequestRef,
  pr: PullRequestInfo,
  reviewedSha: string | null,
  full: boolean,
): Promise<SelectedChanges> {
  const listed = await github.listPullRequestFiles(ref);
  const notes = listed.truncated
    ? [`GitHub lists at most 3000 files of a pull request; only those ${listed.files.length} were reviewed`]
    : [];
  const whole = { files: listed.files, focus: null, range: { from: null, to: pr.headSha }, notes };
  if (full || reviewedSha === null || reviewedSha === pr.headSha) return whole;

  const compared = await github.compareCommits(ref, reviewedSha, pr.headSha);
  if (compared === null) {
    return { ...whole, notes: [...notes, `History was rewritten since ${reviewedSha.slice(0, 7)} (force-push): the whole pull request was reviewed`] };
  }
  if (compared.truncated) {
    return { ...whole, notes: [...notes, 'More than 300 files changed since the last review: the whole pull request was reviewed'] };
  }
  const inPr = new Map(listed.files.map((f) => [f.path, f]));
  const focus = new Map<string, Set<number>>();
  for (const file of compared.files) {
    const prFile = inPr.get(file.path);
    if (!prFile) continue;
    const lines = new Set([...file.addedLines].filter((l) => prFile.commentableLines.has(l)));
    if (lines.size > 0) focus.set(file.path, lines);
  }
  return { files: listed.files, focus, range: { from: reviewedSha, to: pr.headSha }, notes };
}
