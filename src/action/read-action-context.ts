import { z } from 'zod';
import { SEVERITY_OR_OFF, type SeverityOrOff } from '../config/index.js';

/** What a review run inside GitHub Actions needs: the pull request, the commit, and how to call the API. */
export interface ActionContext {
  owner: string;
  repo: string;
  /** The pull request number. */
  number: number;
  /** The pull request's head commit at the time of the event. */
  headSha: string;
  /** The `github-token` input (by default the job's `GITHUB_TOKEN`). */
  token: string;
  /** REST API root without a trailing slash: `https://api.github.com`, or `https://<host>/api/v3` on GHES. */
  apiUrl: string;
  /** The `fail-on` input: exit 1 when a finding is at or above it; `null` means the repository config's `fail_on`. */
  failOn: SeverityOrOff | null;
}

/**
 * The result of reading the Actions environment. `unsupported-event` is a workflow that runs Argus on an event
 * other than `pull_request`; `invalid` is anything else missing or malformed. `reason` says how to fix it.
 */
export type ActionContextResult =
  | { ok: true; context: ActionContext }
  | { ok: false; kind: 'unsupported-event' | 'invalid'; reason: string };

/** Environment variables as `process.env` holds them. */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

const DEFAULT_API_URL = 'https://api.github.com';
const DOCS = 'see docs/deploy.md#github-action';

// Only the fields Argus uses; the rest of GitHub's payload passes through unchecked.
const pullRequestEventSchema = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'not a commit SHA') }),
  }),
});

/**
 * Reads the GitHub Actions environment (`GITHUB_EVENT_NAME`, `GITHUB_REPOSITORY`, `GITHUB_API_URL`, and
 * `GITHUB_TOKEN` / `ARGUS_FAIL_ON`, which action.yml sets from the inputs) and the event payload, the text of
 * the file at `GITHUB_EVENT_PATH`. Pure: the caller reads the file. Never throws.
 */
export function readActionContext(env: ActionEnv, eventJson: string): ActionContextResult {
  const eventName = text(env.GITHUB_EVENT_NAME);
  if (eventName !== 'pull_request') {
    const got = eventName === undefined ? 'GITHUB_EVENT_NAME is not set' : `this run was triggered by "${eventName}"`;
    return {
      ok: false,
      kind: 'unsupported-event',
      reason: `Argus reviews pull requests, but ${got}: run it in a workflow triggered by "on: pull_request" (${DOCS})`,
    };
  }

  const repository = text(env.GITHUB_REPOSITORY);
  const slug = repository === undefined ? null : /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (slug === null || slug[1] === undefined || slug[2] === undefined) {
    return invalid(`GITHUB_REPOSITORY must be "owner/repo", got ${JSON.stringify(env.GITHUB_REPOSITORY ?? null)}: run Argus as a step of a GitHub Actions job, which sets it`);
  }

  const token = text(env.GITHUB_TOKEN);
  if (token === undefined) {
    return invalid(`the github-token input is empty: leave it at its default (\${{ github.token }}) or pass a token with pull-requests: write (${DOCS})`);
  }

  const apiUrl = text(env.GITHUB_API_URL) ?? DEFAULT_API_URL;
  if (!isHttpUrl(apiUrl)) {
    return invalid(`GITHUB_API_URL must be an http(s) URL such as ${DEFAULT_API_URL}, got ${JSON.stringify(apiUrl)}`);
  }

  const failOnText = text(env.ARGUS_FAIL_ON);
  const failOn = failOnText === undefined ? null : SEVERITY_OR_OFF.find((s) => s === failOnText);
  if (failOn === undefined) {
    return invalid(`the fail-on input must be one of ${SEVERITY_OR_OFF.join(', ')} (or empty for the repository config's fail_on), got ${JSON.stringify(failOnText)}`);
  }

  let payload: unknown;
  try {
    payload = JSON.parse(eventJson);
  } catch {
    return invalid('the event payload at GITHUB_EVENT_PATH is not JSON: run Argus as a step of a GitHub Actions job, which writes it');
  }
  const event = pullRequestEventSchema.safeParse(payload);
  if (!event.success) {
    const issue = event.error.issues[0];
    const where = issue === undefined ? 'payload' : issue.path.join('.');
    return invalid(`the pull_request event payload has no valid ${where} (${issue?.message ?? 'unknown shape'}): run Argus on "on: pull_request", not a custom event`);
  }

  return {
    ok: true,
    context: {
      owner: slug[1],
      repo: slug[2],
      number: event.data.pull_request.number,
      headSha: event.data.pull_request.head.sha,
      token,
      apiUrl: apiUrl.replace(/\/+$/, ''),
      failOn,
    },
  };
}

function invalid(reason: string): ActionContextResult {
  return { ok: false, kind: 'invalid', reason };
}

// Inputs left empty reach a composite action's steps as "", which means "not given".
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
