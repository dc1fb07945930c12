import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { API, capture, github, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const reaction = (id: number, login: string | null, content: string) => ({ id, content, user: login === null ? null : { login, type: 'User' }, created_at: '2026-01-01T00:00:00Z' });

describe('addReaction', () => {
  it('reacts on a conversation comment through the issue comment route', async () => {
    const bodies: unknown[] = [];
    github().post('/repos/octo/demo/issues/comments/11/reactions', capture(bodies)).reply(201, reaction(1, 'argus-review[bot]', 'eyes'));
    await createGitHubPort(testOctokit()).addReaction(REF, { kind: 'issue-comment', id: 11 }, 'eyes');
    expect(bodies).toEqual([{ content: 'eyes' }]);
  });

  it('reacts on a review comment through the pull request comment route, and accepts an existing reaction (200)', async () => {
    const bodies: unknown[] = [];
    github().post('/repos/octo/demo/pulls/comments/42/reactions', capture(bodies)).reply(200, reaction(2, 'argus-review[bot]', '+1'));
    await createGitHubPort(testOctokit()).addReaction(REF, { kind: 'review-comment', id: 42 }, '+1');
    expect(bodies).toEqual([{ content: '+1' }]);
  });

  it('names the call and the permission when GitHub refuses', async () => {
    github().post('/repos/octo/demo/issues/comments/11/reactions').reply(403, { message: 'Resource not accessible by integration' });
    await expect(createGitHubPort(testOctokit()).addReaction(REF, { kind: 'issue-comment', id: 11 }, 'rocket')).rejects.toThrow(
      'GitHub reactions.createForIssueComment (POST /repos/octo/demo/issues/comments/11/reactions) answered 403 "Resource not accessible by integration": the App lacks permission "Pull requests: write"',
    );
  });
});

describe('listReactionLogins', () => {
  it('lists who reacted on a review comment, filtered by content, over all pages, without deleted accounts', async () => {
    const scope = github();
    scope
      .get('/repos/octo/demo/pulls/comments/42/reactions')
      .query({ content: '-1', per_page: '100' })
      .reply(200, [reaction(1, 'mona', '-1'), reaction(2, null, '-1')], {
        link: `<${API}/repositories/1/pulls/comments/42/reactions?content=-1&per_page=100&page=2>; rel="next"`,
      });
    scope
      .get('/repositories/1/pulls/comments/42/reactions')
      .query({ content: '-1', per_page: '100', page: '2' })
      .reply(200, [reaction(3, 'hubot', '-1')]);

    expect(await createGitHubPort(testOctokit()).listReactionLogins(REF, { kind: 'review-comment', id: 42 }, '-1')).toEqual(['mona', 'hubot']);
  });

  it('lists who reacted on a conversation comment through the issue comment route', async () => {
    github()
      .get('/repos/octo/demo/issues/comments/11/reactions')
      .query({ content: '+1', per_page: '100' })
      .reply(200, [reaction(5, 'octocat', '+1')]);
    expect(await createGitHubPort(testOctokit()).listReactionLogins(REF, { kind: 'issue-comment', id: 11 }, '+1')).toEqual(['octocat']);
  });
});
