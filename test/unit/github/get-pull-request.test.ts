import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { BASE, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const pull = {
  number: 7,
  title: 'Add report endpoint',
  body: null,
  draft: true,
  state: 'open',
  user: { login: 'dependabot[bot]', type: 'Bot' },
  labels: [{ id: 1, name: 'dependencies' }, { id: 2, name: 'javascript' }],
  base: { sha: BASE, ref: 'main' },
  head: { sha: HEAD, ref: 'feature' },
};

describe('getPullRequest', () => {
  it('maps pulls.get: bot author, label names, a null body as empty', async () => {
    github().get('/repos/octo/demo/pulls/7').reply(200, pull);
    const info = await createGitHubPort(testOctokit()).getPullRequest(REF);
    expect(info).toEqual({
      ref: REF,
      title: 'Add report endpoint',
      body: '',
      draft: true,
      state: 'open',
      author: { login: 'dependabot[bot]', isBot: true },
      labels: ['dependencies', 'javascript'],
      baseSha: BASE,
      headSha: HEAD,
    });
  });

  it('reads a human author and a closed pull request', async () => {
    github()
      .get('/repos/octo/demo/pulls/7')
      .reply(200, { ...pull, body: 'Fixes #3', draft: false, state: 'closed', user: { login: 'mona', type: 'User' }, labels: [] });
    const info = await createGitHubPort(testOctokit()).getPullRequest(REF);
    expect(info).toMatchObject({ body: 'Fixes #3', draft: false, state: 'closed', author: { login: 'mona', isBot: false }, labels: [] });
  });
});
