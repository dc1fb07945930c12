import type { Context, Probot } from 'probot';
import type { PermissionCache } from '../commands/index.js';
import type { AppServices } from '../github/create-app-services.js';
import { runCommentCommand } from './run-comment-command.js';

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
    const { user } = payload.comment;
    await runCommentCommand(
      context,
      {
        ref: { owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.issue.number },
        body: payload.comment.body,
        author: { login: user.login, type: user.type ?? 'User' },
        source: { kind: 'conversation', commentId: payload.comment.id },
      },
      { services, botLogin, permissions },
    );
  });
}
