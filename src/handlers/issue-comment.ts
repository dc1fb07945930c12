import type { Logger } from 'pino';
import type { Context, Probot, ProbotOctokit } from 'probot';
import { COMMANDS, dispatchCommand, type CommandServices, type PermissionCache } from '../commands/index.js';
import { createGitHubPort } from '../github/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { queueReview } from './review-job.js';

/**
 * `issue_comment.created` on a pull request: runs the slash command in it, if any (see src/commands/).
 * Edited and deleted comments are not subscribed to, so they never trigger anything; issues are skipped.
 */
export function registerIssueCommentHandler(app: Probot, services: AppServices, botLogin: () => Promise<string>, permissions: PermissionCache): void {
  app.on('issue_comment.created', async (context: Context<'issue_comment.created'>) => {
    const { payload } = context;
    // A deleted ("ghost") author leaves user null: nobody to answer.
    if (payload.issue.pull_request === undefined || payload.comment.user === null) return;
    if (!services.firstDelivery('issue-comment', payload.comment.id)) return;
    const ref = { owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.issue.number };
    const log = context.log.child({ deliveryId: context.id, repo: payload.repository.full_name, pr: ref.number });
    const github = createGitHubPort(context.octokit, { log });
    const login = await botLogin();
    const { user } = payload.comment;
    await dispatchCommand(
      { ref, body: payload.comment.body, author: { login: user.login, type: user.type ?? 'User' }, source: { kind: 'conversation', commentId: payload.comment.id } },
      {
        github,
        botLogin: login,
        commands: COMMANDS,
        permissions,
        refusals: services.refusals,
        log,
        services: commandServices({ services, octokit: context.octokit, log, ref, installationId: payload.installation?.id, botLogin: login }),
      },
    );
  });
}

/**
 * The App's services as commands see them: `review` goes through the same queue as the App's reviews, with
 * a `command:` trigger event so a paused pull request still gets the review it asked for. Shared with the
 * review-comment handler.
 */
export function commandServices(input: {
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
