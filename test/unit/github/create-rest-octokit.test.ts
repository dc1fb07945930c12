import type { Logger } from 'pino';
import { ProbotOctokit } from 'probot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { createRestOctokit } from '../../../src/github/create-rest-octokit.js';
import type { GitHubOctokit } from '../../../src/github/github-octokit.js';
import type { PortLog } from '../../../src/github/port-log.js';
import type { RestOctokitOptions } from '../../../src/github/create-rest-octokit.js';
import { API, github, QUIET, REF, TOKEN, useGitHubNock } from './github-nock.js';

useGitHubNock();

const pull = { title: 't', body: 'b', draft: false, state: 'open', user: { login: 'mona', type: 'User' }, labels: [], base: { sha: 'b' }, head: { sha: 'h' } };

describe('createRestOctokit', () => {
  it('authenticates with the token and talks to a GitHub Enterprise base URL', async () => {
    const ghes = 'https://ghe.example.com/api/v3';
    github('https://ghe.example.com').get('/api/v3/repos/octo/demo/pulls/7').matchHeader('authorization', `token ${TOKEN}`).matchHeader('user-agent', /^argus-review /).reply(200, pull);
    const port = createGitHubPort(createRestOctokit(TOKEN, { baseUrl: `${ghes}/`, log: QUIET }));
    expect((await port.getPullRequest(REF)).title).toBe('t');
  });

  it('retries a secondary rate limit after the wait GitHub asks for', async () => {
    const scope = github();
    scope.get('/repos/octo/demo/pulls/7').reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '5' });
    scope.get('/repos/octo/demo/pulls/7').reply(200, pull);
    const warnings: string[] = [];
    const port = createGitHubPort(createRestOctokit(TOKEN, { log: { ...QUIET, warn: (m: string) => warnings.push(m) }, retryBaseMs: 0 }));
    expect((await port.getPullRequest(REF)).title).toBe('t');
    expect(warnings).toEqual(['secondary rate limit on GET /repos/{owner}/{repo}/pulls/{pull_number}: retrying in 5 s']);
  });

  it('gives up on a rate limit that asks for more than a minute', async () => {
    github().get('/repos/octo/demo/pulls/7').reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '61' });
    const port = createGitHubPort(createRestOctokit(TOKEN, { log: QUIET, retryBaseMs: 0 }));
    await expect(port.getPullRequest(REF)).rejects.toThrow(/answered 403 "You have exceeded a secondary rate limit\.": rate limited; wait, or review fewer pull requests at once$/);
  });

  it('retries a server error, then gives up with a one-line message', async () => {
    github().get('/repos/octo/demo/pulls/7').times(3).reply(502, { message: 'Bad Gateway' });
    const port = createGitHubPort(createRestOctokit(TOKEN, { log: QUIET, retryBaseMs: 0 }));
    await expect(port.getPullRequest(REF)).rejects.toThrow('GitHub pulls.get (GET /repos/octo/demo/pulls/7) answered 502 "Bad Gateway": GitHub failed; retry later');
  });

  it('takes a pino logger for its warnings, as the port does', () => {
    expectTypeOf<Logger>().toExtend<NonNullable<RestOctokitOptions['log']>>();
    expectTypeOf<Logger>().toExtend<PortLog>();
  });

  it("accepts Probot's Octokit as it is", async () => {
    expectTypeOf<ProbotOctokit>().toExtend<GitHubOctokit>();
    github().get('/repos/octo/demo/pulls/7').reply(200, pull);
    const octokit = new ProbotOctokit({ auth: { token: TOKEN }, baseUrl: API, log: QUIET, throttle: { enabled: false }, retry: { enabled: false } });
    expect((await createGitHubPort(octokit).getPullRequest(REF)).author).toEqual({ login: 'mona', isBot: false });
  });
});
