import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import type { ReviewCommentDraft } from '../../../src/review/github-port.js';
import { capture, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const REVIEWS = '/repos/octo/demo/pulls/7/reviews';
const draft = (path: string, line: number, startLine: number | null = null): ReviewCommentDraft => ({
  path,
  line,
  startLine,
  body: `finding at ${path}:${line}`,
  fingerprint: `fp-${path}-${line}`,
});
const wire = (d: ReviewCommentDraft) => ({
  path: d.path,
  line: d.line,
  side: 'RIGHT',
  ...(d.startLine !== null && d.startLine !== d.line ? { start_line: d.startLine, start_side: 'RIGHT' } : {}),
  body: d.body,
});
const refusal = { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request' };

describe('createReview', () => {
  it('posts one COMMENT review with RIGHT-side comments, start_line only for real ranges', async () => {
    const bodies: unknown[] = [];
    github().post(REVIEWS, capture(bodies)).reply(200, { id: 1, state: 'COMMENTED' });
    const comments = [draft('a.ts', 10), draft('b.ts', 20, 15), draft('c.ts', 5, 5)];

    const result = await createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Argus found 3 problems', comments, requestChanges: false });

    expect(bodies).toEqual([
      {
        commit_id: HEAD,
        body: 'Argus found 3 problems',
        event: 'COMMENT',
        comments: [
          { path: 'a.ts', line: 10, side: 'RIGHT', body: 'finding at a.ts:10' },
          { path: 'b.ts', line: 20, side: 'RIGHT', start_line: 15, start_side: 'RIGHT', body: 'finding at b.ts:20' },
          { path: 'c.ts', line: 5, side: 'RIGHT', body: 'finding at c.ts:5' },
        ],
      },
    ]);
    expect(result).toEqual({ posted: comments, refused: [] });
  });

  it('requests changes when asked', async () => {
    const bodies: unknown[] = [];
    github().post(REVIEWS, capture(bodies)).reply(200, { id: 1 });
    await createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Blocking', comments: [], requestChanges: true });
    expect(bodies).toEqual([{ commit_id: HEAD, body: 'Blocking', event: 'REQUEST_CHANGES' }]);
  });

  it('never approves: a stray event is ignored and a non-boolean requestChanges is refused before any call', async () => {
    const bodies: unknown[] = [];
    github().post(REVIEWS, capture(bodies)).reply(200, { id: 1 });
    const port = createGitHubPort(testOctokit());
    const sneaky = { commitSha: HEAD, body: 'LGTM', comments: [], requestChanges: false, event: 'APPROVE' };

    await port.createReview(REF, sneaky);
    await expect(port.createReview(REF, { ...sneaky, requestChanges: 'APPROVE' as unknown as boolean })).rejects.toThrow(
      'refusing to send review event for requestChanges="APPROVE": Argus only comments or requests changes, never approves; pass true or false',
    );

    expect(bodies).toEqual([{ commit_id: HEAD, body: 'LGTM', event: 'COMMENT' }]);
  });

  it('on 422 probes each comment in a pending review, deletes the probes, and posts one review with the accepted ones', async () => {
    const [good1, bad, good2] = [draft('a.ts', 10), draft('b.ts', 99, 90), draft('c.ts', 3)];
    const creates: unknown[] = [];
    const scope = github();
    scope.post(REVIEWS, capture(creates)).reply(422, refusal);
    scope.post(REVIEWS, capture(creates)).reply(200, { id: 501, state: 'PENDING' });
    scope.delete(`${REVIEWS}/501`).reply(200, { id: 501, state: 'PENDING' });
    scope.post(REVIEWS, capture(creates)).reply(422, { ...refusal, errors: ['Pull request review thread line must be part of the diff'] });
    scope.post(REVIEWS, capture(creates)).reply(200, { id: 502, state: 'PENDING' });
    scope.delete(`${REVIEWS}/502`).reply(200, { id: 502, state: 'PENDING' });
    scope.post(REVIEWS, capture(creates)).reply(200, { id: 503, state: 'COMMENTED' });

    const result = await createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Review', comments: [good1, bad, good2], requestChanges: false });

    expect(creates).toEqual([
      { commit_id: HEAD, body: 'Review', event: 'COMMENT', comments: [good1, bad, good2].map(wire) },
      { commit_id: HEAD, comments: [wire(good1)] },
      { commit_id: HEAD, comments: [wire(bad)] },
      { commit_id: HEAD, comments: [wire(good2)] },
      { commit_id: HEAD, body: 'Review', event: 'COMMENT', comments: [good1, good2].map(wire) },
    ]);
    expect(result).toEqual({ posted: [good1, good2], refused: [{ comment: bad, reason: 'Pull request review thread line must be part of the diff' }] });
  });

  it('halves large sets: 20 comments with 1 refused take 12 calls, not 41', async () => {
    const comments = Array.from({ length: 20 }, (_, i) => draft(`f${i}.ts`, i + 1));
    const badPath = 'f13.ts';
    const calls: string[] = [];
    let nextId = 600;
    const scope = github();
    scope
      .post(REVIEWS)
      .times(8)
      .reply((_uri, body) => {
        const { event, comments: sent = [] } = body as { event?: string; comments?: Array<{ path: string }> };
        calls.push(`${event ? 'review' : 'probe'}:${sent.length}`);
        const refused = sent.some((c) => c.path === badPath);
        if (event && calls.length > 1) return [200, { id: 1 }];
        return refused ? [422, { ...refusal, errors: [`bad line in ${badPath}`] }] : [200, { id: nextId++ }];
      });
    scope.delete(/\/repos\/octo\/demo\/pulls\/7\/reviews\/6\d\d$/).times(4).reply(200, () => {
      calls.push('delete');
      return {};
    });

    const result = await createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Review', comments, requestChanges: false });

    expect(result.posted.map((c) => c.path)).toEqual(comments.map((c) => c.path).filter((p) => p !== badPath));
    expect(result.refused).toEqual([{ comment: comments[13], reason: `bad line in ${badPath}` }]);
    expect(calls).toEqual(['review:20', 'probe:10', 'delete', 'probe:5', 'probe:3', 'delete', 'probe:1', 'probe:1', 'delete', 'probe:5', 'delete', 'review:19']);
  });

  it('posts the body alone when every comment is refused', async () => {
    const comment = draft('gone.ts', 4);
    const creates: unknown[] = [];
    const scope = github();
    scope.post(REVIEWS, capture(creates)).reply(422, refusal);
    scope.post(REVIEWS, capture(creates)).reply(422, refusal);
    scope.post(REVIEWS, capture(creates)).reply(200, { id: 9 });

    const result = await createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Review', comments: [comment], requestChanges: false });

    expect(creates).toEqual([
      { commit_id: HEAD, body: 'Review', event: 'COMMENT', comments: [wire(comment)] },
      { commit_id: HEAD, comments: [wire(comment)] },
      { commit_id: HEAD, body: 'Review', event: 'COMMENT' },
    ]);
    expect(result).toEqual({ posted: [], refused: [{ comment, reason: 'Line could not be resolved' }] });
  });

  it('stops with a fix when a leftover pending review blocks the probes', async () => {
    const scope = github();
    scope.post(REVIEWS).reply(422, refusal);
    scope.post(REVIEWS).reply(422, { message: 'Unprocessable Entity', errors: ['User can only have one pending review per pull request'] });
    await expect(
      createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: 'Review', comments: [draft('a.ts', 1), draft('b.ts', 2)], requestChanges: false }),
    ).rejects.toThrow(
      "GitHub pulls.createReview refused a probe: User can only have one pending review per pull request; delete Argus's pending review on octo/demo#7 (left by an interrupted run) and run again",
    );
  });

  it('throws a 422 of a review without comments as it is', async () => {
    github().post(REVIEWS).reply(422, { message: 'Unprocessable Entity', errors: ['Review cannot request changes on your own pull request'] });
    await expect(createGitHubPort(testOctokit()).createReview(REF, { commitSha: HEAD, body: '', comments: [], requestChanges: true })).rejects.toThrow(
      'GitHub pulls.createReview (POST /repos/octo/demo/pulls/7/reviews) answered 422 "Review cannot request changes on your own pull request": GitHub refused the request as invalid',
    );
  });
});
