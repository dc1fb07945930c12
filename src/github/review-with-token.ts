import type { Logger } from 'pino';
import { createMemoryReviewCache } from '../llm/cache/index.js';
import { createLlmResolver } from '../llm/openai/index.js';
import type { PullRequestRef } from '../review/github-port.js';
import { reviewPullRequest, type PullRequestReviewOutcome } from '../review/pull-request/review-pull-request.js';
import { createDryRunPort, type SkippedWrite } from './create-dry-run-port.js';
import { createGitHubPort } from './create-github-port.js';
import { GITHUB_RENDER_CONTEXT } from './github-render-context.js';
import { createRestOctokit } from './create-rest-octokit.js';
import { resolveTokenLogin } from './resolve-token-login.js';

/** A review of one pull request with a token (CLI `--pr`, the Action), outside the App. */
export interface TokenReviewOptions {
  token: string;
  /** The REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl?: string;
  ref: PullRequestRef;
  /** Post nothing; report what would be posted. */
  dryRun: boolean;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
}

/** What the run did, and in a dry run the writes it skipped. */
export interface TokenReviewResult {
  outcome: PullRequestReviewOutcome;
  skippedWrites: SkippedWrite[];
}

/**
 * The App's pull request review, with a token: same config rules (base branch), same pipeline, same
 * publish code. The whole pull request is reviewed (no incremental state is trusted across tools).
 */
export async function reviewWithToken(options: TokenReviewOptions): Promise<TokenReviewResult> {
  const octokit = createRestOctokit(options.token, { ...(options.apiUrl ? { baseUrl: options.apiUrl } : {}), log: options.log });
  const real = createGitHubPort(octokit, { log: options.log });
  const { port, writes } = options.dryRun ? createDryRunPort(real) : { port: real, writes: [] };
  const outcome = await reviewPullRequest(
    {
      github: port,
      botLogin: await resolveTokenLogin(octokit),
      llm: createLlmResolver(options.env, (model) => options.log.child({ component: 'llm', model })),
      cache: createMemoryReviewCache(),
      daily: null,
      renderContext: GITHUB_RENDER_CONTEXT,
      log: options.log,
    },
    options.ref,
    { full: true, event: options.dryRun ? 'cli --pr (dry run)' : 'cli --pr --post' },
    new AbortController().signal,
  );
  return { outcome, skippedWrites: writes };
}
