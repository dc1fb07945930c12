import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, BOT, HEAD, REPO, authScope, payload, pullRequestBody, reviewReads, startApp } from './app-harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('pull_request.opened through the real Probot app', () => {
  it('reviews the pull request: one review with the line comment, the summary, a completed check run', async () => {
    const { probot, services } = await startApp({});
    const bodies: Record<string, unknown> = {};
    const keep = (name: string) => (body: unknown) => {
      bodies[name] = body;
      return true;
    };
    const scope = reviewReads(authScope(), { checkRunId: 99, onCheckCreate: keep('checkCreate') })
      .post(`${REPO}/pulls/2/reviews`, keep('review'))
      .reply(200, { id: 5 })
      .post(`${REPO}/issues/2/comments`, keep('summary'))
      .reply(201, { id: 77 })
      .patch(`${REPO}/check-runs/99`, keep('checkDone'))
      .reply(200, { id: 99 });

    await probot.receive({ id: 'delivery-1', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(scope.pendingMocks()).toEqual([]);

    expect(bodies['checkCreate']).toMatchObject({ name: 'Argus', head_sha: HEAD, status: 'in_progress' });
    const review = bodies['review'] as { commit_id: string; event: string; body: string; comments: Array<Record<string, unknown>> };
    expect(review.commit_id).toBe(HEAD);
    expect(review.event).toBe('COMMENT');
    expect(review.comments.map((c) => [c.path, c.line, c.side, c.start_line])).toEqual([['src/run.js', 5, 'RIGHT', undefined]]);
    expect(review.comments[0]!['body']).toMatch(/code-injection/);
    expect(review.comments[0]!['body']).toMatch(/<!-- argus:fp=[0-9a-f]+ -->$/);
    const summary = bodies['summary'] as { body: string };
    expect(summary.body.startsWith('<!-- argus:summary -->')).toBe(true);
    expect(summary.body).toContain(`<!-- argus:reviewed=${HEAD} -->`);
    const done = bodies['checkDone'] as { conclusion: string; output: { title: string; annotations: Array<Record<string, unknown>> } };
    expect(done.conclusion).toBe('failure');
    expect(done.output.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([['src/run.js', 5, 'failure']]);
  });

  it('posts nothing twice: a re-delivery of a reviewed head does nothing, and a re-run posts no known comment', async () => {
    const { probot, services } = await startApp({});
    const summaryBody = `<!-- argus:summary -->\n<!-- argus:reviewed=${HEAD} -->\n## Argus review`;
    authScope()
      .get(`${REPO}/pulls/2`)
      .reply(200, pullRequestBody())
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, [{ id: 77, body: summaryBody, user: { login: BOT, type: 'Bot' } }]);
    await probot.receive({ id: 'delivery-2', name: 'pull_request', payload: payload('pull_request', 'synchronize') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    ['a draft', { draft: true }, 'Skipped: the pull request is a draft'],
    ['opened by a bot', { userType: 'Bot' }, 'Skipped: the pull request was opened by a bot, dependabot[bot]'],
    ['labelled argus:skip', { labels: ['argus:skip'] }, 'Skipped: the pull request is labelled argus:skip'],
  ])('skips a pull request %s with a neutral check and no review', async (_name, over, title) => {
    const { probot, services } = await startApp({});
    const done: Array<{ conclusion: string; output: { title: string } }> = [];
    authScope()
      .get(`${REPO}/pulls/2`)
      .reply(200, pullRequestBody(over))
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(404, { message: 'Not Found' })
      .post(`${REPO}/check-runs`)
      .reply(201, { id: 5 })
      .patch(`${REPO}/check-runs/5`, (b: (typeof done)[number]) => done.push(b) > 0)
      .reply(200, {});
    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    expect(done.map((d) => [d.conclusion, d.output.title])).toEqual([['neutral', title]]);
  });

  it('reads the config from the base commit: the base turns Argus off, whatever the head says', async () => {
    const { probot, services } = await startApp({});
    const done: Array<{ conclusion: string; output: { title: string } }> = [];
    authScope()
      .get(`${REPO}/pulls/2`)
      .reply(200, pullRequestBody())
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(200, { type: 'file', encoding: 'base64', size: 15, content: Buffer.from('enabled: false\n').toString('base64') })
      .post(`${REPO}/check-runs`)
      .reply(201, { id: 6 })
      .patch(`${REPO}/check-runs/6`, (b: (typeof done)[number]) => done.push(b) > 0)
      .reply(200, {});
    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    expect(done.map((d) => d.conclusion)).toEqual(['neutral']);
    expect(done[0]!.output.title).toMatch(/^Skipped: Argus is turned off for this repository/);
  });

  it('drops a stale result: the head moved while the review ran, so nothing is posted', async () => {
    const { probot, services } = await startApp({});
    const done: Array<{ conclusion: string; output: { title: string } }> = [];
    reviewReads(authScope(), { checkRunId: 7, headAfter: 'c'.repeat(40) })
      .patch(`${REPO}/check-runs/7`, (b: (typeof done)[number]) => done.push(b) > 0)
      .reply(200, {});
    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'opened') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    expect(done.map((d) => [d.conclusion, d.output.title])).toEqual([['neutral', expect.stringMatching(/^Skipped: superseded/)]]);
  });
});
