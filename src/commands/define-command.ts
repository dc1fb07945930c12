import type { z } from 'zod';
import type { CommandName } from './command-names.js';
import type { CommandContext } from './command-context.js';

/** Where a command may be written: the conversation, a review-comment thread, or both. */
export type CommandWhere = 'conversation' | 'thread' | 'both';

/** One command as its file declares it, with its own argument type. */
export interface CommandSpec<A> {
  name: CommandName;
  /** One line for `help`. */
  summary: string;
  /** How to write it, e.g. `/argus ask <question>`. */
  usage: string;
  where: CommandWhere;
  /** Needs write, maintain or admin permission on the repository (it costs tokens or changes state). */
  needsWrite: boolean;
  /** Calls the model. */
  costsTokens: boolean;
  /** Validates the raw argument text (the rest of the command's line, trimmed). */
  args: z.ZodType<A, string>;
  /** Does the work; returns the reply (Markdown). Throws an Error whose one-line message goes into the reply. */
  run(ctx: CommandContext, args: A): Promise<string>;
}

/** A registry entry: the spec's metadata, and its arguments bound to its `run` after validation. */
export interface Command extends Omit<CommandSpec<unknown>, 'args' | 'run'> {
  /** Validates `raw`; a runner, or why the arguments are wrong (one line). */
  bind(raw: string): { ok: true; run: (ctx: CommandContext) => Promise<string> } | { ok: false; error: string };
}

/** Erases a spec's argument type behind validation, so specs with different arguments share one registry. */
export function defineCommand<A>(spec: CommandSpec<A>): Command {
  const { args, run, ...meta } = spec;
  return {
    ...meta,
    bind(raw) {
      const parsed = args.safeParse(raw);
      if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
      return { ok: true, run: (ctx) => run(ctx, parsed.data) };
    },
  };
}
