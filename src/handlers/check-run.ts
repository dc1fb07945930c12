import type { Context, Probot } from 'probot';
import { CHECK_RUN_NAME } from '../github/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { queueReview } from './review-job.js';

/** `check_run.rerequested` on Argus's check ("Re-run" in the Checks tab): review the whole pull request again. */
export function registerCheckRunHandler(app: Probot, services: AppServices, botLogin: () => Promise<string>): void {
  app.on('check_run.rerequested', async (context: Context<'check_run.rerequested'>) => {
    const { payload } = context;
    if (payload.check_run.name !== CHECK_RUN_NAME) return;
    const log = context.log.child({ deliveryId: context.id, repo: payload.repository.full_name });
    for (const pr of payload.check_run.pull_requests) {
      await queueReview({
        services,
        octokit: context.octokit,
        log: log.child({ pr: pr.number }),
        ref: { owner: payload.repository.owner.login, repo: payload.repository.name, number: pr.number },
        installationId: payload.installation?.id,
        botLogin: await botLogin(),
        trigger: { full: true, event: 'check_run.rerequested' },
      });
    }
  });
}
