import type { Context, Probot } from 'probot';
import { COMMANDS, dispatchCommand, type PermissionCache } from '../commands/index.js';
import { createGitHubPort } from '../github/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { commandServices } from './issue-comment.js';

/**
 * `pull_request_review_comment.created`: runs the slash command in a review comment (usually a reply in the
 * thread of an Argus finding: `explain`, `dismiss`); the reply goes in the same thread. Edited and deleted
 * comments are not subscribed to.
 */
export function registerPullRequestReviewCommentHandler(app: Probot, services: AppServices, botLogin: () => Promise<string>, permissions: PermissionCache): void {
  app.on('pull_request_review_comment.created', async (context: Context<'pull_request_review_comment.created'>) => {
    const { payload } = context;
    const { comment } = payload;
    if (comment.user === null) return;
    if (!services.firstDelivery('review-comment', comment.id)) return;
    const ref = { owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.pull_request.number };
    const log = context.log.child({ deliveryId: context.id, repo: payload.repository.full_name, pr: ref.number });
    const github = createGitHubPort(context.octokit, { log });
    const login = await botLogin();
    await dispatchCommand(
      {
        ref,
        body: comment.body,
        author: { login: comment.user.login, type: comment.user.type ?? 'User' },
        source: { kind: 'thread', commentId: comment.id, parentId: comment.in_reply_to_id ?? null, path: comment.path, line: comment.line ?? null },
      },
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
