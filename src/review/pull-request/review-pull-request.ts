import type { Logger } from 'pino';
import type { ArgusConfig } from '../../config/index.js';
import type { ReviewCache } from '../../llm/cache/index.js';
import type { UsageLedger } from '../../llm/usage/index.js';
import type { RenderContext } from '../../render/context.js';
import type { GitHubPort, PullRequestRef } from '../github-port.js';
import type { LlmPort } from '../ports.js';
import { findSummaryComment, neutralCheck, parseFingerprints, planPublication, publishReview, readSummaryState } from '../publish/index.js';
import type { ReviewResult } from '../result.js';
import { runReview } from '../run-review.js';
import { hardenAppConfig } from './harden-app-config.js';
import { loadBaseConfig } from './load-base-config.js';
import { selectChanges } from './select-changes.js';
import { skipReason } from './skip-reason.js';

/** What a pull request review needs besides the pull request: the ports and the installation's limits. */
export interface PullRequestReviewDeps {
  github: GitHubPort;
  /** Argus's own login (`<app-slug>[bot]`): its summary comment is found by it. */
  botLogin: string;
  /** The model for a repository's config, or why there is none. */
  llm: (config: ArgusConfig) => { port: LlmPort } | { skipReason: string };
  cache: ReviewCache | null;
  /** The installation's daily token cap; null for none. */
  daily: { ledger: UsageLedger; account: string; capTokens: number } | null;
  renderContext: RenderContext;
  log: Logger;
}

/** Why this review runs: `full` reviews the whole pull request (re-run, `/review full`, first review). */
export interface ReviewTrigger {
  full: boolean;
  /** For logs: `opened`, `synchronize`, `rerequested`, ... */
  event: string;
}

/** What a run did, for logs and tests. */
export type PullRequestReviewOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'config-error'; problems: string[] }
  | { status: 'already-reviewed' }
  | { status: 'stale' }
  | { status: 'published'; posted: number; refused: number; conclusion: 'success' | 'failure'; result: ReviewResult };

/**
 * One review of one pull request, end to end: fresh pull request state -> config from the BASE commit
 * (hardened for the App) -> skip rules -> check run started -> last reviewed commit from the summary
 * comment -> changed files (incremental when possible) -> contents at the head in batches -> the review
 * pipeline -> stale check (the head moved, or a newer job aborted this one: the result is dropped) ->
 * one review with the new comments, the summary edited in place, the check run completed.
 */
export async function reviewPullRequest(
  deps: PullRequestReviewDeps,
  ref: PullRequestRef,
  trigger: ReviewTrigger,
  signal: AbortSignal,
): Promise<PullRequestReviewOutcome> {
  const { github, log } = deps;
  const pr = await github.getPullRequest(ref);
  const base = await loadBaseConfig(github, ref, pr.baseSha);
  if (!base.ok) {
    const check = await github.createCheckRun(ref, pr.headSha);
    await github.completeCheckRun(ref, check.id, {
      conclusion: 'failure',
      title: 'Invalid .github/argus.yml on the base branch',
      summary: ['Argus did not review this pull request: fix these problems in `.github/argus.yml` on the base branch.', '', ...base.problems.map((p) => `- ${p}`)].join('\n'),
      annotations: [],
    });
    return { status: 'config-error', problems: base.problems };
  }
  const { config, notes: configNotes } = hardenAppConfig(base.config);
  const skip = skipReason(pr, config);
  if (skip !== null) {
    if (pr.state === 'open') {
      const check = await github.createCheckRun(ref, pr.headSha);
      await github.completeCheckRun(ref, check.id, neutralCheck(skip));
    }
    log.info({ reason: skip }, 'review skipped');
    return { status: 'skipped', reason: skip };
  }

  const comments = await github.listIssueComments(ref);
  const summary = findSummaryComment(comments, deps.botLogin);
  const reviewedSha = summary ? readSummaryState(summary.body).reviewedSha : null;
  if (!trigger.full && reviewedSha === pr.headSha) {
    log.info({ headSha: pr.headSha }, 'head already reviewed (re-delivery)');
    return { status: 'already-reviewed' };
  }

  const check = await github.createCheckRun(ref, pr.headSha);
  const changes = await selectChanges(github, ref, pr, reviewedSha, trigger.full);
  const contents = github.contentsAt(ref, pr.headSha);
  await contents.prefetch(changes.files.filter((f) => f.status !== 'deleted' && f.addedLines.size > 0).map((f) => f.path));
  const postedFingerprints = parseFingerprints(await github.listReviewCommentBodies(ref));
  const model = deps.llm(config);
  const result = await runReview({
    files: changes.files,
    contents,
    config,
    ...('port' in model
      ? {
          llmSkipReason: null,
          llm: {
            port: model.port,
            cache: deps.cache,
            pullRequest: { title: pr.title, body: pr.body },
            postedFingerprints,
            daily: deps.daily,
            ...(changes.focus ? { focus: changes.focus } : {}),
          },
        }
      : { llmSkipReason: model.skipReason }),
  });
  result.notes.unshift(...configNotes, ...changes.notes);
  for (const r of result.rejected) log.info({ rejection: r }, `finding refused: ${r.reason}`);

  const now = await github.getPullRequest(ref);
  if (signal.aborted || now.headSha !== pr.headSha) {
    await github.completeCheckRun(ref, check.id, neutralCheck(`superseded: the pull request moved on to ${now.headSha.slice(0, 7)} while this review ran`));
    log.info({ reviewed: pr.headSha, head: now.headSha }, 'stale review dropped');
    return { status: 'stale' };
  }

  const plan = planPublication(result, {
    headSha: pr.headSha,
    baseSha: pr.baseSha,
    reviewedRange: changes.range,
    postedFingerprints,
    config,
    renderContext: deps.renderContext,
    requestChanges: config.review.request_changes,
  });
  const published = await publishReview(github, ref, plan, { existingSummaryId: summary?.id ?? null, checkRunId: check.id });
  log.info({ posted: published.posted, refused: published.refused, conclusion: plan.check.conclusion }, 'review published');
  return { status: 'published', posted: published.posted, refused: published.refused, conclusion: plan.check.conclusion as 'success' | 'failure', result };
}
