import type { CheckAnnotation, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';
import { truncateForGitHub } from './truncate-for-github.js';

/** The check run's name on the pull request. */
export const CHECK_RUN_NAME = 'Argus';

/**
 * GitHub's limits for check runs (https://docs.github.com/en/rest/checks/runs#update-a-check-run): 50 annotations
 * per request (later requests append), 65535 characters of summary, 255 of annotation title, 64 KB of annotation
 * message; a UTF-16 unit is at most 3 UTF-8 bytes, so 21845 units always fit in 64 KB.
 */
export const CHECK_LIMITS = { annotationsPerRequest: 50, summaryChars: 65535, annotationTitleChars: 255, annotationMessageChars: 21845 } as const;

/** What {@link completeCheckRun} reports. */
export interface CheckRunOutcome {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  annotations: readonly CheckAnnotation[];
}

/** Starts the "Argus" check run on `headSha`, in progress. */
export async function createCheckRun(octokit: GitHubOctokit, ref: PullRequestRef, headSha: string): Promise<{ id: number }> {
  const { data } = await callGitHub('checks.create', () =>
    octokit.rest.checks.create({ owner: ref.owner, repo: ref.repo, name: CHECK_RUN_NAME, head_sha: headSha, status: 'in_progress' }),
  );
  return { id: data.id };
}

/**
 * Completes check run `id`: one `checks.update` per 50 annotations (at least one), each with the title and the
 * summary (GitHub requires both with any output), the conclusion only on the last so the run stays in progress
 * until every annotation is in.
 */
export async function completeCheckRun(octokit: GitHubOctokit, ref: PullRequestRef, id: number, outcome: CheckRunOutcome): Promise<void> {
  const summary = truncateForGitHub(outcome.summary, CHECK_LIMITS.summaryChars);
  const annotations = outcome.annotations.map(toAnnotation);
  const size = CHECK_LIMITS.annotationsPerRequest;
  const batches = Math.max(1, Math.ceil(annotations.length / size));
  for (let i = 0; i < batches; i++) {
    const batch = annotations.slice(i * size, (i + 1) * size);
    const last = i === batches - 1;
    await callGitHub('checks.update', () =>
      octokit.rest.checks.update({
        owner: ref.owner,
        repo: ref.repo,
        check_run_id: id,
        output: { title: outcome.title, summary, ...(batch.length > 0 ? { annotations: batch } : {}) },
        ...(last ? { conclusion: outcome.conclusion } : {}),
      }),
    );
  }
}

function toAnnotation(a: CheckAnnotation) {
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    annotation_level: a.level,
    title: a.title.length > CHECK_LIMITS.annotationTitleChars ? `${a.title.slice(0, CHECK_LIMITS.annotationTitleChars - 1)}…` : a.title,
    message: truncateForGitHub(a.message, CHECK_LIMITS.annotationMessageChars),
  };
}
