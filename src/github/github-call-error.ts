import { redactTokens } from './redact-tokens.js';

/** A GitHub call that failed; the message is one line naming the call, the status and what to do. */
export class GitHubCallError extends Error {
  override name = 'GitHubCallError';

  constructor(
    /** The Octokit method that failed, e.g. `pulls.createReview`, or `graphql`. */
    readonly call: string,
    /** GitHub's HTTP status; null when GitHub was not reached. */
    readonly status: number | null,
    message: string,
    /** GitHub's own explanation (its message and `errors`), one line, tokens masked; '' when it gave none. */
    readonly detail = '',
  ) {
    super(message);
  }
}

/** The permission each call needs, as the App settings page names it. */
const PERMISSIONS: Readonly<Record<string, string>> = {
  'pulls.get': 'Pull requests: read',
  'pulls.listFiles': 'Pull requests: read',
  'pulls.listReviewComments': 'Pull requests: read',
  'pulls.getReviewComment': 'Pull requests: read',
  'pulls.listReviewCommentsForRepo': 'Pull requests: read',
  'pulls.createReplyForReviewComment': 'Pull requests: write',
  'reactions.createForIssueComment': 'Pull requests: write',
  'reactions.createForPullRequestReviewComment': 'Pull requests: write',
  'reactions.listForIssueComment': 'Pull requests: read',
  'reactions.listForPullRequestReviewComment': 'Pull requests: read',
  'repos.getCollaboratorPermissionLevel': 'Metadata: read',
  'pulls.createReview': 'Pull requests: write',
  'pulls.deletePendingReview': 'Pull requests: write',
  'issues.listComments': 'Pull requests: read',
  'issues.createComment': 'Pull requests: write',
  'issues.updateComment': 'Pull requests: write',
  'repos.compareCommitsWithBasehead': 'Contents: read',
  'repos.getContent': 'Contents: read',
  'git.getBlob': 'Contents: read',
  graphql: 'Contents: read',
  'checks.create': 'Checks: write',
  'checks.update': 'Checks: write',
};

/** GraphQL error types (answered with HTTP 200) read as the REST status they stand for. */
const GRAPHQL_KINDS: Readonly<Record<string, number>> = { FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, UNPROCESSABLE: 422 };

const MAX_DETAIL_CHARS = 300;

/**
 * Turns whatever Octokit threw into a {@link GitHubCallError}: one line, the call and its status, GitHub's own
 * message, and the fix where it is clear. Nothing from the request's headers is used, and anything token-shaped
 * left in GitHub's text is masked.
 */
export function toGitHubCallError(call: string, failure: unknown): GitHubCallError {
  if (failure instanceof GitHubCallError) return failure;
  const shape = readFailure(failure);
  const head = `GitHub ${call}${shape.route ? ` (${shape.route})` : ''}`;
  const said = shape.detail ? ` "${shape.detail}"` : '';
  const status = shape.status;
  if (status === null) {
    return new GitHubCallError(call, null, `${head} failed${said}: GitHub could not be reached; check the network and the API URL (GHE_HOST, or the CLI's base URL, for GitHub Enterprise)`, shape.detail);
  }
  const answered = shape.graphqlType === null ? `${head} answered ${status}${said}` : `${head} answered with GraphQL errors${said}`;
  const permission = PERMISSIONS[call] ?? 'the one this call needs';
  const kind = GRAPHQL_KINDS[shape.graphqlType ?? ''] ?? status;
  let fix: string;
  if (kind === 401) {
    fix = 'the credentials were refused; the token expired or is wrong (check GITHUB_TOKEN for the CLI, APP_ID and PRIVATE_KEY_PATH or PRIVATE_KEY for the App)';
  } else if (kind === 429 || (kind === 403 && shape.rateLimited)) {
    fix = `rate limited${shape.resetAt ? ` until ${shape.resetAt}` : ''}; wait, or review fewer pull requests at once`;
  } else if (kind === 403) {
    fix = `the App lacks permission "${permission}": accept the new permissions in the installation settings (for the CLI, give the token that scope)`;
  } else if (kind === 404) {
    fix = 'not found; check the owner, repository and number, and that the App is installed on this repository (GitHub answers 404 for repositories it hides)';
  } else if (kind === 422) {
    fix = 'GitHub refused the request as invalid';
  } else if (kind >= 500) {
    fix = 'GitHub failed; retry later (https://www.githubstatus.com)';
  } else {
    fix = 'unexpected answer';
  }
  return new GitHubCallError(call, status, `${answered}: ${fix}`, shape.detail);
}

interface FailureShape {
  status: number | null;
  route: string | null;
  detail: string;
  rateLimited: boolean;
  resetAt: string | null;
  /** The first GraphQL error's `type` ('' when it has none); null for a REST failure. */
  graphqlType: string | null;
}

/**
 * True for what Octokit throws for a failed call (RequestError, GraphqlResponseError); false for a bug such as a
 * TypeError, which should surface as itself.
 */
export function isOctokitFailure(failure: unknown): boolean {
  return isRecord(failure) && (typeof failure.status === 'number' || isRecord(failure.request) || Array.isArray(failure.errors));
}

// Octokit's RequestError and GraphqlResponseError are read by shape: the port must accept whichever copy of
// @octokit/request-error the caller's Octokit (Probot's or @octokit/rest's) was built with.
function readFailure(failure: unknown): FailureShape {
  const error = isRecord(failure) ? failure : {};
  const response = isRecord(error.response) ? error.response : null;
  const request = isRecord(error.request) ? error.request : null;
  const headers = response && isRecord(response.headers) ? response.headers : {};
  const data = response && isRecord(response.data) ? response.data : null;
  const graphqlErrors = Array.isArray(error.errors) ? error.errors : null;
  // Octokit reports a failed fetch as status 500 without a response.
  const status = typeof error.status === 'number' && response !== null ? error.status : graphqlErrors ? 200 : null;
  const message = failure instanceof Error ? failure.message : String(failure);
  const detail = graphqlErrors ? listMessages(graphqlErrors) : data ? describeData(data) : message;
  const remaining = headers['x-ratelimit-remaining'];
  const reset = Number(headers['x-ratelimit-reset']);
  return {
    status,
    route: request && typeof request.method === 'string' && typeof request.url === 'string' ? `${request.method} ${routeOf(request.url)}` : null,
    detail: oneLine(detail),
    rateLimited: remaining === '0' || remaining === 0 || /rate limit/i.test(detail),
    resetAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : null,
    graphqlType: graphqlErrors ? graphqlType(graphqlErrors[0]) : null,
  };
}

/** GitHub's message plus its `errors` list (422 answers put the useful part there). */
function describeData(data: Record<string, unknown>): string {
  const message = typeof data.message === 'string' ? data.message : '';
  const errors = Array.isArray(data.errors) ? listMessages(data.errors) : '';
  if (!errors) return message;
  return message && message !== 'Unprocessable Entity' ? `${message}: ${errors}` : errors;
}

function listMessages(errors: unknown[]): string {
  return errors
    .map((e) => (typeof e === 'string' ? e : isRecord(e) ? String(e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' ')) : String(e)))
    .filter((m) => m.length > 0)
    .join('; ');
}

function graphqlType(first: unknown): string {
  return isRecord(first) && typeof first.type === 'string' ? first.type : '';
}

function routeOf(url: string): string {
  try {
    return new URL(url, 'https://api.github.com').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function oneLine(text: string): string {
  const flat = redactTokens(text.replace(/\s+/g, ' ').trim());
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS - 1)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
