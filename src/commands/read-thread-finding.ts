import type { ReviewCommentInfo } from '../review/github-port.js';
import { readFindingComment, type FindingComment } from '../review/feedback/index.js';
import type { CommandContext } from './command-context.js';

/**
 * The Argus finding a thread command refers to: the thread's first comment, which must be one of Argus's line
 * comments (checked by author, so a comment forging Argus's markers is not taken for one).
 *
 * @throws Error saying where to write the command when the thread does not start with an Argus finding.
 */
export async function readThreadFinding(ctx: CommandContext, command: string): Promise<{ comment: ReviewCommentInfo; finding: FindingComment }> {
  const where = `\`${command}\` works in a reply to one of Argus's review comments`;
  if (ctx.source.kind !== 'thread' || ctx.source.parentId === null) throw new Error(`${where}: reply to the comment's thread`);
  const comment = await ctx.github.getReviewComment(ctx.ref, ctx.source.parentId);
  const finding = comment.authorLogin.toLowerCase() === ctx.botLogin.toLowerCase() ? readFindingComment(comment.body) : null;
  if (finding === null) throw new Error(`${where}, and this thread starts with a comment that is not an Argus finding`);
  return { comment, finding };
}
