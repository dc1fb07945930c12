import { describe, expect, it } from 'vitest';
import { callGitHub } from '../../../src/github/call-github.js';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { GitHubCallError } from '../../../src/github/github-call-error.js';
import { redactTokens } from '../../../src/github/redact-tokens.js';
import { github, HEAD, REF, testOctokit, TOKEN, useGitHubNock } from './github-nock.js';

useGitHubNock();

async function failure(run: Promise<unknown>): Promise<GitHubCallError> {
  try {
    await run;
  } catch (err) {
    return err as GitHubCallError;
  }
  throw new Error('expected the call to fail');
}

describe('GitHub failures', () => {
  it('names the missing permission on 403 and how to grant it', async () => {
    github().post('/repos/octo/demo/check-runs').reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' });
    const err = await failure(createGitHubPort(testOctokit()).createCheckRun(REF, HEAD));
    expect(err).toBeInstanceOf(GitHubCallError);
    expect(err).toMatchObject({ call: 'checks.create', status: 403, detail: 'Resource not accessible by integration' });
    expect(err.message).toBe(
      'GitHub checks.create (POST /repos/octo/demo/check-runs) answered 403 "Resource not accessible by integration": the App lacks permission "Checks: write": accept the new permissions in the installation settings (for the CLI, give the token that scope)',
    );
  });

  it('tells a rate limit from a missing permission', async () => {
    github()
      .get('/repos/octo/demo/pulls/7')
      .reply(403, { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' });
    const err = await failure(createGitHubPort(testOctokit()).getPullRequest(REF));
    expect(err.message).toBe(
      'GitHub pulls.get (GET /repos/octo/demo/pulls/7) answered 403 "API rate limit exceeded for installation ID 1.": rate limited until 2026-01-01T00:00:00.000Z; wait, or review fewer pull requests at once',
    );
  });

  it('says which credentials to check on 401', async () => {
    github().get('/repos/octo/demo/pulls/7').reply(401, { message: 'Bad credentials' });
    const err = await failure(createGitHubPort(testOctokit()).getPullRequest(REF));
    expect(err.message).toBe(
      'GitHub pulls.get (GET /repos/octo/demo/pulls/7) answered 401 "Bad credentials": the credentials were refused; the token expired or is wrong (check GITHUB_TOKEN for the CLI, APP_ID and PRIVATE_KEY_PATH or PRIVATE_KEY for the App)',
    );
  });

  it('reports a network failure as GitHub not reached', async () => {
    github().get('/repos/octo/demo/pulls/7').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const err = await failure(createGitHubPort(testOctokit()).getPullRequest(REF));
    expect(err.status).toBeNull();
    expect(err.message).toMatch(/^GitHub pulls\.get \(GET \/repos\/octo\/demo\/pulls\/7\) failed ".*": GitHub could not be reached; check the network and the API URL \(GHE_HOST, or the CLI's base URL, for GitHub Enterprise\)$/);
  });

  it('names a GraphQL permission error', async () => {
    github()
      .post('/graphql')
      .reply(200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
    const err = await failure(createGitHubPort(testOctokit()).contentsAt(REF, HEAD).readNewFile('a.ts'));
    expect(err.message).toBe(
      'GitHub graphql answered with GraphQL errors "Resource not accessible by integration": the App lacks permission "Contents: read": accept the new permissions in the installation settings (for the CLI, give the token that scope)',
    );
  });

  it('never shows a token, even when the server echoes it', async () => {
    github().get('/repos/octo/demo/pulls/7').reply(403, { message: `token ${TOKEN} is not allowed here (Authorization: Bearer ${TOKEN})` });
    const err = await failure(createGitHubPort(testOctokit()).getPullRequest(REF));
    expect(err.message).not.toContain(TOKEN.slice(4));
    expect(err.detail).toBe('token [REDACTED] is not allowed here (Authorization: Bearer [REDACTED])');
    expect(JSON.stringify(err)).not.toContain(TOKEN.slice(4));
    expect(String(err.stack)).not.toContain(TOKEN.slice(4));
  });
});

describe('callGitHub', () => {
  it('lets a bug (not an Octokit failure) through as itself', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    await expect(callGitHub('pulls.get', () => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('redactTokens', () => {
  it('masks every GitHub token format and keeps commit SHAs', () => {
    const text = `ghp_${'a'.repeat(36)} github_pat_${'B1_'.repeat(20)} v1.${'c'.repeat(40)} https://x/?access_token=abc&page=2 ${HEAD}`;
    expect(redactTokens(text)).toBe(`[REDACTED] [REDACTED] [REDACTED] https://x/?[REDACTED]&page=2 ${HEAD}`);
  });
});
