import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { createGitHubPort } from '../github/index.js';
import type { AppServices } from '../github/create-app-services.js';
import type { PullRequestRef } from '../review/github-port.js';
import { reviewPullRequest, type ReviewTrigger } from '../review/pull-request/review-pull-request.js';

/** Everything a handler knows when it queues a review. */
export interface QueueReviewInput {
  services: AppServices;
  octokit: InstanceType<typeof ProbotOctokit>;
  log: Logger;
  ref: PullRequestRef;
  installationId: number | undefined;
  botLogin: string;
  trigger: ReviewTrigger;
}

/**
 * Puts a review of `ref` on the queue and returns at once (GitHub gives a webhook 10 seconds). The job's
 * failures are logged with the delivery's logger; a full queue is logged and reported to the caller.
 */
export async function queueReview(input: QueueReviewInput): Promise<'queued' | 'superseded' | 'full'> {
  const { services, ref, log } = input;
  const key = `${ref.owner}/${ref.repo}#${ref.number}`;
  const github = createGitHubPort(input.octokit, { log });
  const cap = services.env.ARGUS_DAILY_TOKEN_CAP;
  const outcome = await services.queue.enqueue(key, async (signal) => {
    const result = await reviewPullRequest(
      {
        github,
        botLogin: input.botLogin,
        llm: (config) => services.llm(config),
        cache: services.cache,
        daily: cap > 0 && input.installationId !== undefined ? { ledger: services.ledger, account: String(input.installationId), capTokens: cap } : null,
        renderContext: services.renderContext,
        log,
      },
      ref,
      input.trigger,
      signal,
    );
    const { status } = result;
    log.info({ status, ...(result.status === 'published' ? { posted: result.posted, refused: result.refused, conclusion: result.conclusion } : {}) }, 'review finished');
  });
  if (outcome === 'full') log.warn({ pr: key }, 'review queue full: review dropped (re-run it from the Checks tab)');
  else log.info({ pr: key, outcome }, 'review queued');
  return outcome;
}
