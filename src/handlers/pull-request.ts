import type { Context, Probot } from 'probot';
import type { AppServices } from '../github/create-app-services.js';
import { queueReview } from './review-job.js';

/** The pull request actions that start a review. */
export const REVIEW_ACTIONS = ['pull_request.opened', 'pull_request.reopened', 'pull_request.synchronize', 'pull_request.ready_for_review'] as const;

/** `pull_request` opened / reopened / synchronize / ready_for_review: queue a review (incremental when possible). */
export function registerPullRequestHandler(app: Probot, services: AppServices, botLogin: () => Promise<string>): void {
  app.on([...REVIEW_ACTIONS], async (context: Context<(typeof REVIEW_ACTIONS)[number]>) => {
    const { payload } = context;
    await queueReview({
      services,
      octokit: context.octokit,
      log: context.log.child({ deliveryId: context.id, repo: payload.repository.full_name, pr: payload.pull_request.number }),
      ref: { owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.pull_request.number },
      installationId: payload.installation?.id,
      botLogin: await botLogin(),
      trigger: { full: false, event: `pull_request.${payload.action}` },
    });
  });
}
