import type { Logger } from 'pino';
import type { Context, ProbotOctokit } from 'probot';
import { COMMANDS, dispatchCommand, type CommandServices, type CommentInput, type PermissionCache } from '../commands/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { createGitHubPort } from '../github/index.js';
import { queueReview } from './review-job.js';

/** What the comment handlers share: the App's services, its login and the permission cache. */
export interface CommentCommandDeps {
  services: AppServices;
  botLogin: () => Promise<string>;
  permissions: PermissionCache;
}

/**
 * Runs the slash command of a pull-request comment (a conversation comment or a review comment) with the
 * webhook's installation Octokit, a logger bound to the delivery, and the App's services.
 */
export async function runCommentCommand(
  context: Pick<Context<'issue_comment.created' | 'pull_request_review_comment.created'>, 'octokit' | 'log' | 'id' | 'payload'>,
  comment: CommentInput,
  deps: CommentCommandDeps,
): Promise<void> {
  const { payload } = context;
  const { ref } = comment;
  const log = context.log.child({ deliveryId: context.id, repo: payload.repository.full_name, pr: ref.number });
  const login = await deps.botLogin();
  await dispatchCommand(comment, {
    github: createGitHubPort(context.octokit, { log }),
    botLogin: login,
    commands: COMMANDS,
    permissions: deps.permissions,
    refusals: deps.services.refusals,
    log,
    services: commandServices({ services: deps.services, octokit: context.octokit, log, ref, installationId: payload.installation?.id, botLogin: login }),
  });
}

/**
 * The App's services as commands see them: `review` goes through the same queue as the App's reviews, with
 * a `command:` trigger event so a paused pull request still gets the review it asked for.
 */
function commandServices(input: {
  services: AppServices;
  octokit: InstanceType<typeof ProbotOctokit>;
  log: Logger;
  ref: { owner: string; repo: string; number: number };
  installationId: number | undefined;
  botLogin: string;
}): CommandServices {
  const { services, installationId } = input;
  const cap = services.env.ARGUS_DAILY_TOKEN_CAP;
  return {
    queueReview: (full) => queueReview({ ...input, trigger: { full, event: full ? 'command:review full' : 'command:review' } }),
    llm: (config) => services.llm(config),
    daily: cap > 0 && installationId !== undefined ? { ledger: services.ledger, account: String(installationId), capTokens: cap } : null,
  };
}
