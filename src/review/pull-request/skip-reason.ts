import type { ArgusConfig } from '../../config/index.js';
import type { PullRequestInfo } from '../github-port.js';

/** The label that keeps Argus off a pull request. */
export const SKIP_LABEL = 'argus:skip';

/** Why the App does not review this pull request now, or null when it does. One line, shown on the check. */
export function skipReason(pr: PullRequestInfo, config: ArgusConfig): string | null {
  if (!config.enabled) return 'Argus is turned off for this repository (enabled: false in .github/argus.yml)';
  if (pr.state === 'closed') return 'the pull request is closed';
  if (pr.labels.includes(SKIP_LABEL)) return `the pull request is labelled ${SKIP_LABEL}`;
  if (pr.draft && !config.review.drafts) return 'the pull request is a draft (set review.drafts: true to review drafts)';
  if (pr.author.isBot && !config.review.bots) return `the pull request was opened by a bot, ${pr.author.login} (set review.bots: true to review it)`;
  return null;
}
