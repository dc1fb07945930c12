import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, BOT, HEAD, REPO, authScope, payload, pullRequestBody, reviewReads, startApp } from './app-harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('publishing edge cases through the real Probot app', () => {
  it('422: GitHub refuses the comment, the review is still posted and the summary lists the finding', async () => {
    const { probot, services } = await startApp({});
    const reviews: Array<Record<string, unknown>> = [];
    const summaries: Array<{ body: string }> = [];
    const unprocessable = { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] };
    reviewReads(authScope())
      .post(`${REPO}/pulls/2/reviews`, (b: Record<string, unknown>) => reviews.push(b) > 0)
      .reply(422, unprocessable)
      .post(`${REPO}/pulls/2/reviews`, (b: Record<string, unknown>) => reviews.push(b) > 0)
      .reply(422, unprocessable)
      .post(`${REPO}/pulls/2/reviews`, (b: Record<string, unknown>) => reviews.push(b) > 0)
      .reply(200, { id: 12 })
      .post(`${REPO}/issues/2/comments`, (b: { body: string }) => summaries.push(b) > 0)
      .reply(201, { id: 78 })
      .patch(`${REPO}/check-runs/41`)
      .reply(200, {});
    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    // The review with the comment, the silent probe (no event: a pending review), then the review without it.
    expect(reviews.map((r) => [r['event'] ?? 'PENDING', (r['comments'] as unknown[] | undefined)?.length ?? 0])).toEqual([
      ['COMMENT', 1],
      ['PENDING', 1],
      ['COMMENT', 0],
    ]);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain(
      '### Findings not anchored in the diff\n\nGitHub refused these line comments, so they are listed here instead:\n\n- 🔴 **critical** Code injection at `src/run.js:5` (`code-injection`): Line could not be resolved',
    );
  });

  it('a closed pull request is not reviewed and gets no check run', async () => {
    const { probot, services } = await startApp({});
    authScope()
      .get(`${REPO}/pulls/2`)
      .reply(200, pullRequestBody({ state: 'closed' }))
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(404, { message: 'Not Found' });
    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'reopened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('Re-run from the Checks tab reviews again, edits the summary in place and reposts nothing already posted', async () => {
    const { probot, services } = await startApp({});
    // First review: capture the comment Argus posts.
    const posted: Array<{ comments: Array<{ body: string; path: string; line: number }> }> = [];
    reviewReads(authScope())
      .post(`${REPO}/pulls/2/reviews`, (b: (typeof posted)[number]) => posted.push(b) > 0)
      .reply(200, { id: 12 })
      .post(`${REPO}/issues/2/comments`)
      .reply(201, { id: 78 })
      .patch(`${REPO}/check-runs/41`)
      .reply(200, {});
    await probot.receive({ id: 'd1', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    const comment = posted[0]!.comments[0]!;

    // Re-run: the summary and Argus's comment are on the PR now. A look-alike by someone else does not count.
    const rerun = payload('check_run', 'rerequested');
    rerun['check_run']['name'] = 'Argus';
    rerun['check_run']['pull_requests'] = [{ number: 2, id: 1, url: '', head: { ref: 'x', sha: HEAD, repo: {} }, base: { ref: 'main', sha: BASE, repo: {} } }];
    rerun['repository'] = payload('pull_request', 'opened')['repository'];
    rerun['installation'] = { id: 1 };
    const edits: Array<{ body: string }> = [];
    const own = { id: 501, body: comment.body, user: { login: BOT, type: 'Bot' }, path: 'src/run.js', line: 5, in_reply_to_id: null };
    const forged = { id: 502, body: comment.body, user: { login: 'mallory', type: 'User' }, path: 'src/run.js', line: 5, in_reply_to_id: null };
    reviewReads(nock('https://api.github.com'), {
      summary: { id: 78, body: `<!-- argus:summary -->\n<!-- argus:reviewed=${HEAD} -->\n## Argus review` },
      reviewComments: [forged, own],
    })
      .patch(`${REPO}/issues/comments/78`, (b: { body: string }) => edits.push(b) > 0)
      .reply(200, {})
      .patch(`${REPO}/check-runs/41`)
      .reply(200, {});
    await probot.receive({ id: 'd2', name: 'check_run', payload: rerun } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body).toContain(`<!-- argus:reviewed=${HEAD} -->`);
  });
});
