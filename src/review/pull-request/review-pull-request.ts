import type { Logger } from 'pino';
import type { ArgusConfig } from '../../config/index.js';
import type { ReviewCache } from '../../llm/cache/index.js';
import type { UsageLedger } from '../../llm/usage/index.js';
import type { RenderContext } from '../../render/context.js';
import type { GitHubPort, PullRequestRef, ReviewCommentInfo } from '../github-port.js';
import {
  applyLearnedSeverities,
  canWrite,
  countRepoDismissals,
  dismissalsIn,
  formatDismissalNote,
  learnedSeverityDrops,
  withoutDismissed,
  type DismissalSources,
} from '../feedback/index.js';
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
  const state = summary ? readSummaryState(summary.body) : { reviewedSha: null };
  const reviewedSha = state.reviewedSha;
  // `/argus pause` stops the automatic reviews only; `/argus review` and the check's Re-run still review.
  if (state.paused === true && trigger.event.startsWith('pull_request.')) {
    const check = await github.createCheckRun(ref, pr.headSha);
    await github.completeCheckRun(ref, check.id, neutralCheck('automatic reviews of this pull request are paused (/argus resume turns them back on)'));
    log.info('review skipped: paused');
    return { status: 'skipped', reason: 'paused' };
  }
  if (!trigger.full && reviewedSha === pr.headSha) {
    log.info({ headSha: pr.headSha }, 'head already reviewed (re-delivery)');
    return { status: 'already-reviewed' };
  }

  const check = await github.createCheckRun(ref, pr.headSha);
  const changes = await selectChanges(github, ref, pr, reviewedSha, trigger.full);
  const contents = github.contentsAt(ref, pr.headSha);
  await contents.prefetch(changes.files.filter((f) => f.status !== 'deleted' && f.addedLines.size > 0).map((f) => f.path));
  // Only Argus's own comments count: anyone could paste a fingerprint marker to hide a finding.
  const bot = deps.botLogin.toLowerCase();
  const reviewComments = await github.listReviewComments(ref);
  const ownComments = reviewComments.filter((c) => c.authorLogin.toLowerCase() === bot);
  const postedFingerprints = parseFingerprints(ownComments.map((c) => c.body));
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
            cacheScope: `${ref.owner}/${ref.repo}`,
            pullRequest: { title: pr.title, body: pr.body },
            postedFingerprints,
            daily: deps.daily,
            ...(changes.focus ? { focus: changes.focus } : {}),
          },
        }
      : { llmSkipReason: model.skipReason }),
  });
  result.notes.unshift(...configNotes, ...changes.notes);
  const feedback = await applyFeedback(github, ref, deps.botLogin, config, result, reviewComments);
  for (const r of result.rejected) log.info({ rejection: r }, `finding refused: ${r.reason}`);

  const now = await github.getPullRequest(ref);
  if (signal.aborted || now.headSha !== pr.headSha) {
    await github.completeCheckRun(ref, check.id, neutralCheck(`superseded: the pull request moved on to ${now.headSha.slice(0, 7)} while this review ran`));
    log.info({ reviewed: pr.headSha, head: now.headSha }, 'stale review dropped');
    return { status: 'stale' };
  }

  const plan = planPublication(feedback, {
    headSha: pr.headSha,
    baseSha: pr.baseSha,
    reviewedRange: changes.range,
    postedFingerprints,
    config,
    renderContext: deps.renderContext,
    requestChanges: config.review.request_changes,
  });
  // Read the summary again: `/argus pause` or `resume` may have changed it (or created it) while this ran.
  const latest = findSummaryComment(await github.listIssueComments(ref), deps.botLogin);
  if (latest && readSummaryState(latest.body).paused === true) plan.summary.state = { ...plan.summary.state, paused: true };
  const published = await publishReview(github, ref, plan, { existingSummaryId: latest?.id ?? null, checkRunId: check.id });
  log.info({ posted: published.posted, refused: published.refused, conclusion: plan.check.conclusion }, 'review published');
  return { status: 'published', posted: published.posted, refused: published.refused, conclusion: plan.check.conclusion as 'success' | 'failure', result: feedback };
}
/**
 * The result without the findings maintainers dismissed on this pull request (`/argus dismiss`, or a 👎 from a
 * user with write permission), with a note counting them per rule; with `learn: true`, severities lowered for
 * rules dismissed repeatedly in the repository.
 */
async function applyFeedback(github: GitHubPort, ref: PullRequestRef, botLogin: string, config: ArgusConfig, result: ReviewResult, comments: readonly ReviewCommentInfo[]): Promise<ReviewResult> {
  const writers = new Map<string, Promise<boolean>>();
  const sources: DismissalSources = {
    github,
    botLogin,
    isWriter(login) {
      let known = writers.get(login);
      if (known === undefined) {
        known = github.getPermission(ref, login).then(canWrite);
        writers.set(login, known);
      }
      return known;
    },
  };
  const dismissals = await dismissalsIn(comments, sources, ref);
  let kept = withoutDismissed(result, new Set(dismissals.map((d) => d.fingerprint)));
  const notes = [...kept.notes];
  if (config.learn) {
    const learned = applyLearnedSeverities(kept, learnedSeverityDrops(await countRepoDismissals(sources, ref), config.rules), config.min_severity);
    kept = learned.result;
    if (learned.lowered > 0) notes.push(`Learned from dismissals in this repository (learn: true): ${learned.lowered} finding(s) reported at a lower severity`);
  }
  const note = formatDismissalNote(dismissals);
  if (note !== '') notes.push(note);
  return { ...kept, notes };
}
