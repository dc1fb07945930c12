import type { Octokit } from '@octokit/rest';

/**
 * The part of an Octokit client the GitHub port uses. Typed structurally so both Probot's `context.octokit`
 * (Probot 14) and an `@octokit/rest` client (the CLI) fit without a cast.
 */
export type GitHubOctokit = Pick<Octokit, 'rest' | 'paginate' | 'graphql' | 'request'>;
