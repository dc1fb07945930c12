import { generateKeyPairSync } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import nock from 'nock';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createArgusApp } from '../../../src/index.js';
import type { AppServices } from '../../../src/github/create-app-services.js';

export const API = 'https://api.github.com';
export const REPO = '/repos/Codertocat/Hello-World';
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const BOT = 'argus-review[bot]';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };

/** A real payload of `@octokit/webhooks-examples` (the first of that event and action that has an installation). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a webhook payload, mutated freely by tests
export function payload(event: string, action: string): Record<string, any> {
  const group = (examples as unknown as Example[]).find((e) => e.name === event);
  const found = group?.examples.find((e) => e.action === action && e['installation'] !== undefined);
  if (!found) throw new Error(`no ${event}.${action} example with an installation`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  return structuredClone(found) as Record<string, any>;
}

/** The Argus app in a real Probot, with a silent log and Octokit's retries and throttling off (nock answers once). */
export async function startApp(env: Record<string, string> = {}): Promise<{ probot: Probot; services: () => AppServices }> {
  let services: AppServices | undefined;
  const probot = new Probot({
    appId: 1,
    privateKey,
    log: pino({ level: process.env.ARGUS_TEST_LOG ?? 'silent' }),
    // A function, not an object: Probot's own defaults are applied on top of an object and would turn the
    // throttling back on (it spaces writes a second apart, which only slows tests down).
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options['throttle'] as object | undefined), enabled: false },
    })),
  });
  await probot.load(createArgusApp({ env, onServices: (s) => (services = s) }));
  return { probot, services: () => services! };
}

/** The app's GitHub authentication: an installation token and the app's own slug. */
export function authScope(): nock.Scope {
  return nock(API)
    .post('/app/installations/1/access_tokens')
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' })
    .get('/app')
    .reply(200, { id: 1, slug: 'argus-review', name: 'Argus' });
}

/** `GET /pulls/2` as GitHub answers it, with the fields Argus reads. */
export function pullRequestBody(over: { head?: string; draft?: boolean; labels?: string[]; userType?: string; state?: string } = {}) {
  return {
    number: 2,
    title: 'Add a run endpoint',
    body: 'Runs snippets for the dashboard.',
    draft: over.draft ?? false,
    state: over.state ?? 'open',
    user: { login: over.userType === 'Bot' ? 'dependabot[bot]' : 'Codertocat', type: over.userType ?? 'User' },
    labels: (over.labels ?? []).map((name) => ({ name })),
    head: { sha: over.head ?? HEAD, ref: 'changes' },
    base: { sha: BASE, ref: 'main' },
  };
}

/** The pull request's one file: an Express route that evals a query parameter (code-injection on line 5). */
export const FILE = [
  "const express = require('express');",
  'const app = express();',
  '',
  "app.get('/run', (req, res) => {",
  '  const result = eval(req.query.code);',
  '  res.json({ result });',
  '});',
  '',
].join('\n');
const PATCH = '@@ -0,0 +1,7 @@\n' + FILE.split('\n').slice(0, 7).map((l) => `+${l}`).join('\n');

/** `GET /pulls/2/files`. */
export function filesReply() {
  return [{ filename: 'src/run.js', status: 'added', additions: 7, deletions: 0, changes: 7, patch: PATCH }];
}

/** The GraphQL contents answer for FILE. */
export function graphqlReply() {
  return { data: { repository: { f0: { __typename: 'Blob', oid: '1'.repeat(40), byteSize: FILE.length, isBinary: false, isTruncated: false, text: FILE } } } };
}

/** Options of {@link reviewReads}. */
export interface ReviewReadsOptions {
  /** Id of the check run GitHub answers with (41 by default). */
  checkRunId?: number;
  /** Sees the body of the check run creation (always matches). */
  onCheckCreate?: (body: unknown) => boolean;
  /** Argus's summary comment already on the PR. */
  summary?: { id: number; body: string };
  /** The PR's review comments (`GET /pulls/2/comments`). */
  reviewComments?: unknown[];
  /** The head the stale check sees: the review is then dropped before the summary is read again. */
  headAfter?: string;
}

/**
 * The reads a full review of FILE makes before it publishes, on `scope`: the PR (fresh, then the stale check),
 * the base config (none), the summary (at the start and just before publishing), the check run creation, the
 * files, their contents and the review comments.
 */
export function reviewReads(scope: nock.Scope, options: ReviewReadsOptions = {}): nock.Scope {
  const comments = options.summary ? [{ id: options.summary.id, body: options.summary.body, user: { login: BOT, type: 'Bot' } }] : [];
  return scope
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestBody())
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestBody(options.headAfter ? { head: options.headAfter } : {}))
    .get(`${REPO}/contents/.github%2Fargus.yml`)
    .query({ ref: BASE })
    .reply(404, { message: 'Not Found' })
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .times(options.headAfter ? 1 : 2)
    .reply(200, comments)
    .post(`${REPO}/check-runs`, options.onCheckCreate ?? (() => true))
    .reply(201, { id: options.checkRunId ?? 41 })
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, filesReply())
    .post('/graphql')
    .reply(200, graphqlReply())
    .get(`${REPO}/pulls/2/comments`)
    .query(true)
    .reply(200, options.reviewComments ?? []);
}
