import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { GitHubCallError } from '../../../src/github/github-call-error.js';
import { API, capture, github, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const next = (path: string, query: string) => ({ link: `<${API}${path}?${query}>; rel="next"` });

/** A review comment as GitHub sends it (the fields the port reads, and some it ignores). */
function apiComment(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    node_id: `PRRC_${id}`,
    body: `comment ${id}`,
    user: { login: 'mona', type: 'User' },
    path: 'src/app.ts',
    line: 10,
    original_line: 10,
    side: 'RIGHT',
    reactions: { url: `${API}/repos/octo/demo/pulls/comments/${id}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 },
    ...overrides,
  };
}

describe('listReviewComments', () => {
  it('maps every comment over all pages: author, thread, reactions, an outdated line as null', async () => {
    const scope = github();
    scope
      .get('/repos/octo/demo/pulls/7/comments')
      .query({ per_page: '100' })
      .reply(
        200,
        [
          apiComment(1, { body: 'finding <!-- argus:fp=abc -->', user: { login: 'argus-review[bot]', type: 'Bot' }, reactions: { ...apiComment(1).reactions, total_count: 3, '+1': 1, '-1': 2 } }),
          apiComment(2, { body: 'not a bug', in_reply_to_id: 1 }),
        ],
        next('/repositories/1/pulls/7/comments', 'per_page=100&page=2'),
      );
    scope
      .get('/repositories/1/pulls/7/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [apiComment(3, { line: null, original_line: 4, path: 'src/old.ts', user: null, reactions: undefined })]);

    expect(await createGitHubPort(testOctokit()).listReviewComments(REF)).toEqual([
      { id: 1, body: 'finding <!-- argus:fp=abc -->', authorLogin: 'argus-review[bot]', path: 'src/app.ts', line: 10, inReplyToId: null, reactions: { plusOne: 1, minusOne: 2 } },
      { id: 2, body: 'not a bug', authorLogin: 'mona', path: 'src/app.ts', line: 10, inReplyToId: 1, reactions: { plusOne: 0, minusOne: 0 } },
      { id: 3, body: 'comment 3', authorLogin: '', path: 'src/old.ts', line: null, inReplyToId: null, reactions: { plusOne: 0, minusOne: 0 } },
    ]);
  });

  it('still lists the bodies alone through listReviewCommentBodies', async () => {
    github().get('/repos/octo/demo/pulls/7/comments').query({ per_page: '100' }).reply(200, [apiComment(1), apiComment(2, { body: 'second' })]);
    expect(await createGitHubPort(testOctokit()).listReviewCommentBodies(REF)).toEqual(['comment 1', 'second']);
  });
});

describe('getReviewComment', () => {
  it('reads one comment by id through the repository-wide route', async () => {
    github()
      .get('/repos/octo/demo/pulls/comments/42')
      .reply(200, apiComment(42, { in_reply_to_id: 40, line: 12, reactions: { ...apiComment(42).reactions, '+1': 4 } }));
    expect(await createGitHubPort(testOctokit()).getReviewComment(REF, 42)).toEqual({
      id: 42,
      body: 'comment 42',
      authorLogin: 'mona',
      path: 'src/app.ts',
      line: 12,
      inReplyToId: 40,
      reactions: { plusOne: 4, minusOne: 0 },
    });
  });

  it('throws a one-line GitHubCallError for a deleted comment', async () => {
    github().get('/repos/octo/demo/pulls/comments/42').reply(404, { message: 'Not Found' });
    const failure = await createGitHubPort(testOctokit())
      .getReviewComment(REF, 42)
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(GitHubCallError);
    expect((failure as GitHubCallError).message).toBe(
      'GitHub pulls.getReviewComment (GET /repos/octo/demo/pulls/comments/42) answered 404 "Not Found": not found; check the owner, repository and number, and that the App is installed on this repository (GitHub answers 404 for repositories it hides)',
    );
  });
});

describe('listRepoReviewComments', () => {
  const route = '/repos/octo/demo/pulls/comments';
  const firstQuery = { sort: 'created', direction: 'desc', per_page: '100' };
  const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => apiComment(from - i));
  const nextPage = (n: number) => next('/repositories/1/pulls/comments', `sort=created&direction=desc&per_page=100&page=${n}`);

  it('asks for the newest first and stops after the page that reaches the limit', async () => {
    const scope = github();
    scope.get(route).query(firstQuery).reply(200, page(500, 100), nextPage(2));
    // Page 2 still links to page 3; asking for it would find no interceptor and fail the call.
    scope
      .get('/repositories/1/pulls/comments')
      .query({ ...firstQuery, page: '2' })
      .reply(200, page(400, 100), nextPage(3));

    const comments = await createGitHubPort(testOctokit()).listRepoReviewComments(REF, 150);

    expect(comments).toHaveLength(150);
    expect(comments[0]!.id).toBe(500);
    expect(comments[149]!.id).toBe(351);
  });

  it('makes one request when the limit fits in the first page', async () => {
    github().get(route).query(firstQuery).reply(200, page(500, 100), nextPage(2));
    const comments = await createGitHubPort(testOctokit()).listRepoReviewComments(REF, 100);
    expect(comments.map((c) => c.id)).toEqual(page(500, 100).map((c) => c.id));
  });

  it('returns what there is when the repository holds fewer comments than the limit', async () => {
    github()
      .get(route)
      .query(firstQuery)
      .reply(200, [apiComment(9, { line: null }), apiComment(8)]);
    const comments = await createGitHubPort(testOctokit()).listRepoReviewComments(REF, 50);
    expect(comments.map((c) => [c.id, c.line])).toEqual([
      [9, null],
      [8, 10],
    ]);
  });

  it('makes no request for a limit of 0 and refuses a limit that is not a whole number', async () => {
    const port = createGitHubPort(testOctokit());
    expect(await port.listRepoReviewComments(REF, 0)).toEqual([]);
    await expect(port.listRepoReviewComments(REF, -1)).rejects.toThrow('listRepoReviewComments needs a whole number of comments, 0 or more (got -1)');
    await expect(port.listRepoReviewComments(REF, 2.5)).rejects.toThrow(RangeError);
  });
});

describe('replyToReviewComment', () => {
  it('posts the reply in the thread of the comment and returns its id', async () => {
    const bodies: unknown[] = [];
    github()
      .post('/repos/octo/demo/pulls/7/comments/42/replies', capture(bodies))
      .reply(201, apiComment(77, { body: 'Noted: this finding will not be raised again.', in_reply_to_id: 42 }));

    expect(await createGitHubPort(testOctokit()).replyToReviewComment(REF, 42, 'Noted: this finding will not be raised again.')).toEqual({ id: 77 });
    expect(bodies).toEqual([{ body: 'Noted: this finding will not be raised again.' }]);
  });

  it('names the permission to grant when GitHub refuses the write', async () => {
    github().post('/repos/octo/demo/pulls/7/comments/42/replies').reply(403, { message: 'Resource not accessible by integration' });
    await expect(createGitHubPort(testOctokit()).replyToReviewComment(REF, 42, 'x')).rejects.toThrow(
      'GitHub pulls.createReplyForReviewComment (POST /repos/octo/demo/pulls/7/comments/42/replies) answered 403 "Resource not accessible by integration": the App lacks permission "Pull requests: write"',
    );
  });
});
