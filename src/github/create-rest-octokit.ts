import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/** Octokit with the plugins Probot's client has: throttling (rate limits) and retry (5xx and network errors). */
const RestOctokit = Octokit.plugin(throttling, retry);

/** A client {@link createRestOctokit} returns; it satisfies `GitHubOctokit`. */
export type RestOctokit = InstanceType<typeof RestOctokit>;

/** Options of {@link createRestOctokit}. */
export interface RestOctokitOptions {
  /** API root, for GitHub Enterprise Server (`https://HOST/api/v3`); api.github.com by default. */
  baseUrl?: string;
  /** Where Octokit's warnings go (a pino logger fits); Octokit's default writes them to the console. */
  log?: { debug(message: string): void; info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Retries after a rate limit or a server error; 2 by default. */
  retries?: number;
  /**
   * Milliseconds per second of waiting: for the wait a rate limit asks for and for the retry back-off (1, 4, 9...
   * units); 1000 by default. Tests pass 0 to retry at once.
   */
  retryBaseMs?: number;
}

/** Longest wait, in seconds, a rate limit may ask for before the CLI gives up instead of waiting. */
const MAX_RATE_LIMIT_WAIT_S = 60;

/**
 * The `@octokit/rest` client for the CLI (`argus review --pr`), authenticated with `token`, with the throttling
 * and retry plugins Probot's Octokit also carries, so both front ends behave alike under rate limits.
 */
export function createRestOctokit(token: string, options: RestOctokitOptions = {}): RestOctokit {
  const retries = options.retries ?? 2;
  const base = options.retryBaseMs === undefined ? {} : { retryAfterBaseValue: options.retryBaseMs };
  const shouldRetry = (kind: string) => (retryAfter: number, request: { method: string; url: string }, octokit: Pick<Octokit, 'log'>, retryCount: number) => {
    const wait = retryCount < retries && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
    octokit.log.warn(`${kind} on ${request.method} ${request.url}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`);
    return wait;
  };
  return new RestOctokit({
    auth: token,
    userAgent: 'argus-review',
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    ...(options.log ? { log: options.log } : {}),
    throttle: { onRateLimit: shouldRetry('rate limit'), onSecondaryRateLimit: shouldRetry('secondary rate limit'), ...base },
    retry: { retries, ...base },
  });
}
