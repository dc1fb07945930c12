import type { Logger } from 'pino';
import type { ArgusConfig } from '../config/index.js';
import type { UsageLedger } from '../llm/usage/index.js';
import type { GitHubPort, PullRequestRef } from '../review/github-port.js';
import type { LlmPort } from '../review/ports.js';
import type { Command } from './define-command.js';

/** Where a command was written: the pull request's conversation, or a review comment (a line comment's thread). */
export type CommandSource =
  | { kind: 'conversation'; commentId: number }
  | {
      kind: 'thread';
      commentId: number;
      /** The thread's first comment (GitHub's `in_reply_to_id`); null when the command opened a thread itself. */
      parentId: number | null;
      path: string;
      /** The line in the current diff; null when outdated. */
      line: number | null;
    };

/** What commands ask of the App besides GitHub: the review queue, the model, the daily token cap. */
export interface CommandServices {
  /** Queues a review of the pull request through the App's queue (`full` for `review full`). */
  queueReview(full: boolean): Promise<'queued' | 'superseded' | 'full'>;
  /** The model for a repository's config, or why there is none. */
  llm(config: ArgusConfig): { port: LlmPort } | { skipReason: string };
  /** The installation's daily token cap; null for none. */
  daily: { ledger: UsageLedger; account: string; capTokens: number } | null;
}

/** Everything a command's `run` receives. */
export interface CommandContext {
  github: GitHubPort;
  ref: PullRequestRef;
  source: CommandSource;
  /** Who wrote the command. */
  author: string;
  /** Argus's own login, `<app-slug>[bot]`: its comments are recognised by it. */
  botLogin: string;
  /** The registry, for `help`. */
  commands: readonly Command[];
  services: CommandServices;
  log: Logger;
}
