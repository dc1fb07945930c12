import type { ArgusConfig } from '../config/index.js';
import type { PullRequestInfo } from '../review/github-port.js';
import { hardenAppConfig } from '../review/pull-request/harden-app-config.js';
import { loadBaseConfig } from '../review/pull-request/load-base-config.js';
import type { CommandContext } from './command-context.js';

/**
 * The pull request and the config in force for it, as the App's review reads it (BASE commit, hardened), so
 * a command can never run under settings the pull request itself wrote.
 *
 * @throws Error when `.github/argus.yml` on the base branch is invalid, listing what to fix.
 */
export async function loadCommandConfig(ctx: CommandContext): Promise<{ pr: PullRequestInfo; config: ArgusConfig; source: string }> {
  const pr = await ctx.github.getPullRequest(ctx.ref);
  const base = await loadBaseConfig(ctx.github, ctx.ref, pr.baseSha);
  if (!base.ok) throw new Error(`.github/argus.yml on the base branch is invalid; fix it first: ${base.problems.join('; ')}`);
  return { pr, config: hardenAppConfig(base.config).config, source: base.source };
}
