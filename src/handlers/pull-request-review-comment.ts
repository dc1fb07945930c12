import type { Context, Probot } from 'probot';
import type { PermissionCache } from '../commands/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { runCommentCommand } from './run-comment-command.js';

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
    await runCommentCommand(
      context,
      {
        ref: { owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.pull_request.number },
        body: comment.body,
        author: { login: comment.user.login, type: comment.user.type ?? 'User' },
        source: { kind: 'thread', commentId: comment.id, parentId: comment.in_reply_to_id ?? null, path: comment.path, line: comment.line ?? null },
      },
      { services, botLogin, permissions },
    );
  });
}
