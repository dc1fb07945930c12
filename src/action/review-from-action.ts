import { isAtLeast } from '../findings/finding.js';
import { reviewWithToken } from '../github/review-with-token.js';
import { createLogger } from '../review/logger.js';
import type { ActionReview } from './run-action.js';
import { workflowError } from './workflow-error.js';

/**
 * The Action's review: the App's pull request review with the workflow's token, posted (review, summary,
 * check run). Exit 1 when a finding meets `fail-on` (or the repository's `fail_on` when the input is empty),
 * so the workflow fails like the App's check would.
 */
export function createActionReview(env: Readonly<Record<string, string | undefined>>): ActionReview {
  return async (context, io) => {
    const log = createLogger({ level: env.RUNNER_DEBUG === '1' ? 'debug' : 'info', destination: io.stderr as never });
    const { outcome } = await reviewWithToken({
      token: context.token,
      apiUrl: context.apiUrl,
      ref: { owner: context.owner, repo: context.repo, number: context.number },
      dryRun: false,
      env,
      log,
    });
    if (outcome.status === 'config-error') {
      io.stderr.write(workflowError(`.github/argus.yml on the base branch is invalid: ${outcome.problems.join('; ')}`));
      return 1;
    }
    if (outcome.status !== 'published') return 0;
    const failOn = context.failOn ?? null;
    if (failOn === 'off') return 0;
    if (failOn === null) return outcome.conclusion === 'failure' ? 1 : 0;
    return outcome.result.findings.some((f) => isAtLeast(f.severity, failOn)) ? 1 : 0;
  };
}
