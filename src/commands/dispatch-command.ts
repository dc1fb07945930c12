import type { Logger } from 'pino';
import type { GitHubPort, PullRequestRef } from '../review/github-port.js';
import { canWrite } from '../review/feedback/can-write.js';
import type { PermissionCache } from './create-permission-cache.js';
import type { RefusalBudget } from './create-refusal-budget.js';
import type { CommandServices, CommandSource } from './command-context.js';
import type { Command } from './define-command.js';
import { parseCommand } from './parse-command.js';
import { renderCommandList } from './render-command-list.js';

/** A new comment that may hold a command, as the handlers translate it from the webhook. */
export interface CommentInput {
  ref: PullRequestRef;
  body: string;
  author: { login: string; type: string };
  source: CommandSource;
}

/** What the dispatcher works with: the ports, the registry and the App's identity. */
export interface DispatchDeps {
  github: GitHubPort;
  /** Argus's login, `<app-slug>[bot]`. */
  botLogin: string;
  commands: readonly Command[];
  permissions: PermissionCache;
  services: CommandServices;
  log: Logger;
  /** Limits refusal replies per author (absent: no limit). */
  refusals?: RefusalBudget;
}

/** What the dispatcher did, for logs and tests. */
export type DispatchOutcome =
  | { status: 'ignored'; reason: 'bot' | 'self' | 'no-command' }
  | { status: 'unknown'; name: string }
  | { status: 'refused'; name: string; reason: 'where' | 'args' | 'permission' }
  | { status: 'done'; name: string }
  | { status: 'failed'; name: string; error: string };

/**
 * Runs the command in a new comment, if there is one: comments by bots and by Argus itself are ignored;
 * unknown names get the list of commands (only the long forms can name one); then the place (`where`), the
 * arguments (zod) and, for commands that cost tokens or change state, the author's permission (write, maintain
 * or admin) are checked, each refusal answered politely. An accepted command gets an `eyes` reaction at once,
 * then runs, and its reply goes in the thread for review comments or in the conversation otherwise. Every
 * failure is answered with a one-line reply: a command is never met with silence.
 */
export async function dispatchCommand(input: CommentInput, deps: DispatchDeps): Promise<DispatchOutcome> {
  const { github } = deps;
  const { ref } = input;
  if (input.author.login.toLowerCase() === deps.botLogin.toLowerCase()) return { status: 'ignored', reason: 'self' };
  if (input.author.type === 'Bot') return { status: 'ignored', reason: 'bot' };
  const parsed = parseCommand(input.body, deps.botLogin.replace(/\[bot\]$/i, ''));
  if (parsed === null) return { status: 'ignored', reason: 'no-command' };
  const log = deps.log.child({ command: parsed.name, author: input.author.login });
  const reply = (body: string) => replyTo(deps, input, body, log);
  // A refusal is a reply anyone can provoke: past the author's budget it becomes a reaction.
  const refuse = async (body: string): Promise<void> => {
    if (!deps.refusals || deps.refusals.allow(`${ref.owner}/${ref.repo}`, input.author.login)) return reply(body);
    const target = { kind: input.source.kind === 'thread' ? ('review-comment' as const) : ('issue-comment' as const), id: input.source.commentId };
    await github.addReaction(ref, target, 'confused').catch((err: unknown) => log.warn({ err }, 'could not add the confused reaction'));
  };

  const command = deps.commands.find((c) => c.name === parsed.name);
  if (command === undefined) {
    await refuse(`Argus has no command \`${parsed.name.slice(0, 40)}\`. These are the commands:\n\n${renderCommandList(deps.commands)}`);
    return { status: 'unknown', name: parsed.name };
  }
  const usage = `\`${command.usage}\``;
  if (command.where !== 'both' && command.where !== input.source.kind) {
    await refuse(
      command.where === 'thread'
        ? `${usage} works in a reply to one of Argus's review comments: reply in that comment's thread.`
        : `${usage} works in the pull request's conversation, not in a review thread.`,
    );
    return { status: 'refused', name: command.name, reason: 'where' };
  }
  const bound = command.bind(parsed.args);
  if (!bound.ok) {
    await refuse(`Argus could not run ${usage}: ${bound.error}.`);
    return { status: 'refused', name: command.name, reason: 'args' };
  }
  try {
    if (command.needsWrite) {
      const permission = await deps.permissions.permissionOf(github, ref, input.author.login);
      if (!canWrite(permission)) {
        await refuse(
          `Sorry @${input.author.login}, ${usage} needs write access to this repository (it ${command.costsTokens ? 'uses the model, which costs tokens' : 'changes what Argus does here'}). A maintainer can run it for you.`,
        );
        return { status: 'refused', name: command.name, reason: 'permission' };
      }
    }
    await github.addReaction(ref, { kind: input.source.kind === 'thread' ? 'review-comment' : 'issue-comment', id: input.source.commentId }, 'eyes').catch((err: unknown) => {
      // An acknowledgement that failed must not stop the command: the reply is what matters.
      log.warn({ err }, 'could not add the eyes reaction');
    });
    const answer = await bound.run({
      github,
      ref,
      source: input.source,
      author: input.author.login,
      botLogin: deps.botLogin,
      commands: deps.commands,
      services: deps.services,
      log,
    });
    await reply(answer);
    log.info('command done');
    return { status: 'done', name: command.name };
  } catch (err) {
    const error = oneLine(err);
    log.warn({ err }, 'command failed');
    await reply(`Argus could not run ${usage}: ${error}`);
    return { status: 'failed', name: command.name, error };
  }
}

async function replyTo(deps: DispatchDeps, input: CommentInput, body: string, log: Logger): Promise<void> {
  try {
    if (input.source.kind === 'thread') await deps.github.replyToReviewComment(input.ref, input.source.commentId, body);
    else await deps.github.createIssueComment(input.ref, body);
  } catch (err) {
    // Nothing left to tell the user through: the log is the last place.
    log.error({ err }, 'could not post the reply to a command');
  }
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500) || 'unknown error';
}
