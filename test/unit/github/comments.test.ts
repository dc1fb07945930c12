import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { API, capture, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const next = (path: string, page: number) => ({ link: `<${API}${path}?per_page=100&page=${page}>; rel="next"` });

describe('readFile', () => {
  it('reads the file at the commit through the contents API and decodes it as UTF-8', async () => {
    github()
      .get('/repos/octo/demo/contents/.github%2Fargus.yml')
      .query({ ref: HEAD })
      .reply(200, { type: 'file', encoding: 'base64', size: 22, name: 'argus.yml', path: '.github/argus.yml', content: `${Buffer.from('llm:\n  model: gpt-5 ✓\n').toString('base64')}\n` });
    expect(await createGitHubPort(testOctokit()).readFile(REF, HEAD, '.github/argus.yml')).toBe('llm:\n  model: gpt-5 ✓\n');
  });

  it('returns null when there is no such file', async () => {
    github().get('/repos/octo/demo/contents/.github%2Fargus.yml').query({ ref: HEAD }).reply(404, { message: 'Not Found' });
    expect(await createGitHubPort(testOctokit()).readFile(REF, HEAD, '.github/argus.yml')).toBeNull();
  });

  it('refuses a directory with a message saying so', async () => {
    github().get('/repos/octo/demo/contents/.github').query({ ref: HEAD }).reply(200, [{ type: 'file', name: 'argus.yml' }]);
    await expect(createGitHubPort(testOctokit()).readFile(REF, HEAD, '.github')).rejects.toThrow(`GitHub repos.getContent: .github at ${HEAD.slice(0, 12)} is a directory, not a file; make it a file`);
  });
});

describe('review comments and conversation', () => {
  it('lists every review comment body over all pages', async () => {
    const scope = github();
    scope
      .get('/repos/octo/demo/pulls/7/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 1, body: 'first <!-- argus:fp=abc -->' }], next('/repositories/1/pulls/7/comments', 2));
    scope.get('/repositories/1/pulls/7/comments').query({ per_page: '100', page: '2' }).reply(200, [{ id: 2, body: 'second' }]);
    expect(await createGitHubPort(testOctokit()).listReviewCommentBodies(REF)).toEqual(['first <!-- argus:fp=abc -->', 'second']);
  });

  it('lists the conversation comments with their ids and authors over all pages', async () => {
    const scope = github();
    scope
      .get('/repos/octo/demo/issues/7/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 11, body: '<!-- argus:summary -->\nsummary', user: { login: 'argus[bot]' } }], next('/repositories/1/issues/7/comments', 2));
    scope.get('/repositories/1/issues/7/comments').query({ per_page: '100', page: '2' }).reply(200, [{ id: 12, body: 'thanks', user: null }]);
    expect(await createGitHubPort(testOctokit()).listIssueComments(REF)).toEqual([
      { id: 11, body: '<!-- argus:summary -->\nsummary', authorLogin: 'argus[bot]' },
      { id: 12, body: 'thanks', authorLogin: '' },
    ]);
  });

  it('creates and updates a conversation comment', async () => {
    const bodies: unknown[] = [];
    const scope = github();
    scope.post('/repos/octo/demo/issues/7/comments', capture(bodies)).reply(201, { id: 99, body: 'new' });
    scope.patch('/repos/octo/demo/issues/comments/99', capture(bodies)).reply(200, { id: 99, body: 'edited' });
    const port = createGitHubPort(testOctokit());

    expect(await port.createIssueComment(REF, 'new')).toEqual({ id: 99 });
    await port.updateIssueComment(REF, 99, 'edited');

    expect(bodies).toEqual([{ body: 'new' }, { body: 'edited' }]);
  });
});
