import { describe, expect, it } from 'vitest';
import { renderSummaryComment } from '../../../../src/render/render-summary-comment.js';
import type { ReviewResult } from '../../../../src/review/result.js';
import {
  findSummaryComment,
  parseFingerprints,
  planPublication,
  publishReview,
  readSummaryState,
  type PublicationOptions,
} from '../../../../src/review/publish/index.js';
import { createFakeGitHub, REF } from './fake-github.js';
import { BASE, CRITICAL, CTX, FIVE, HEAD_1, HEAD_2, HIGH_RANGE, INFO, LOW, MEDIUM, resultOf } from './fixtures.js';

const BOT = 'argus-review[bot]';
const CHECK_ID = 555;

function options(overrides: Partial<PublicationOptions> = {}): PublicationOptions {
  return {
    headSha: HEAD_1,
    baseSha: BASE,
    reviewedRange: { from: null, to: HEAD_1 },
    postedFingerprints: new Set(),
    config: { fail_on: 'high', max_comments: 10 },
    renderContext: CTX,
    incremental: false,
    requestChanges: false,
    ...overrides,
  };
}

/** One run as the pull request handler does it: read the state from GitHub, plan, publish. */
async function run(github: ReturnType<typeof createFakeGitHub>, result: ReviewResult, overrides: Partial<PublicationOptions> = {}) {
  const summary = findSummaryComment(await github.port.listIssueComments(REF), BOT);
  const posted = parseFingerprints(await github.port.listReviewCommentBodies(REF));
  const plan = planPublication(result, options({ postedFingerprints: posted, ...overrides }));
  const report = await publishReview(github.port, REF, plan, { existingSummaryId: summary?.id ?? null, checkRunId: CHECK_ID });
  return { plan, report, previous: summary === null ? null : readSummaryState(summary.body) };
}

describe('publishReview', () => {
  it('posts one review with the new comments, creates the summary, completes the check, in that order', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    const result = resultOf([CRITICAL, HIGH_RANGE, MEDIUM]);
    const plan = planPublication(result, options());
    const report = await publishReview(github.port, REF, plan, { existingSummaryId: null, checkRunId: CHECK_ID });

    expect(github.calls.map((c) => c.method)).toEqual(['createReview', 'createIssueComment', 'completeCheckRun']);
    expect(github.calls[0]).toEqual({
      method: 'createReview',
      review: {
        commitSha: HEAD_1,
        body: plan.review!.body,
        comments: plan.review!.comments.map((c) => c.draft),
        requestChanges: false,
      },
    });
    const [, created, completed] = github.calls;
    expect(created).toEqual({
      method: 'createIssueComment',
      body: renderSummaryComment(result, CTX).replace('\n', `\n<!-- argus:reviewed=${HEAD_1} -->\n`) +
        '\n\n_Reviewed: the whole pull request (`1111111..abc1234`)._',
    });
    expect(completed).toEqual({ method: 'completeCheckRun', id: CHECK_ID, outcome: plan.check });
    expect(report).toEqual({
      reviewPosted: true,
      posted: 3,
      refused: 0,
      requestedChanges: false,
      summaryId: 1001,
      summaryCreated: true,
      checkRunId: CHECK_ID,
      conclusion: 'failure',
    });
  });

  it('sends the comments with path, line and startLine (multi-line range)', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    await run(github, resultOf([HIGH_RANGE, LOW]));
    const review = github.calls.find((c) => c.method === 'createReview');
    expect(review?.method === 'createReview' && review.review.comments.map(({ path, line, startLine }) => ({ path, line, startLine }))).toEqual([
      { path: 'src/a.ts', line: 14, startLine: 10 },
      { path: 'src/b.ts', line: 20, startLine: null },
    ]);
  });

  it('lists the comments GitHub refused (2 of 5) under "Findings not anchored in the diff"', async () => {
    const github = createFakeGitHub({
      botLogin: BOT,
      refuse: (c) => (c.path === 'src/b.ts' ? 'Line could not be resolved' : null),
    });
    const { report } = await run(github, resultOf(FIVE));
    expect(report).toMatchObject({ reviewPosted: true, posted: 3, refused: 2 });
    const summary = github.calls.find((c) => c.method === 'createIssueComment');
    const body = summary?.method === 'createIssueComment' ? summary.body : '';
    const section = body.slice(body.indexOf('### Findings not anchored in the diff'));
    expect(section).toBe(
      [
        '### Findings not anchored in the diff',
        'GitHub refused these line comments, so they are listed here instead:',
        [
          '- 🟡 **medium** medium problem at `src/b.ts:7` (`rule-medium`): Line could not be resolved',
          '- 🔵 **low** low problem at `src/b.ts:20` (`rule-low`): Line could not be resolved',
        ].join('\n'),
        '_Reviewed: the whole pull request (`1111111..abc1234`)._',
      ].join('\n\n'),
    );
    // Refused comments are not posted, so the next run offers them again.
    expect(parseFingerprints(github.reviewCommentBodies)).toEqual(new Set([CRITICAL, HIGH_RANGE, INFO].map((f) => f.fingerprint)));
  });

  it('a second run posts only new findings and edits the same summary in place', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    const first = await run(github, resultOf([CRITICAL, MEDIUM]));
    github.calls.length = 0;
    const second = await run(github, resultOf([CRITICAL, MEDIUM, LOW]), {
      headSha: HEAD_2,
      reviewedRange: { from: HEAD_1, to: HEAD_2 },
      incremental: true,
    });

    expect(second.previous).toEqual({ reviewedSha: HEAD_1 });
    const review = github.calls.find((c) => c.method === 'createReview');
    expect(review?.method === 'createReview' && review.review.comments.map((c) => c.fingerprint)).toEqual([LOW.fingerprint]);
    expect(github.calls.filter((c) => c.method === 'createIssueComment')).toEqual([]);
    expect(second.report).toMatchObject({ summaryId: first.report.summaryId, summaryCreated: false, posted: 1 });
    expect(github.issueComments).toHaveLength(1);
    expect(readSummaryState(github.issueComments[0]!.body)).toEqual({ reviewedSha: HEAD_2 });
    expect(github.issueComments[0]!.body).toMatch(/_Reviewed: commits `abc1234\.\.def5678`\._$/);
  });

  it('re-running on the same code posts no review at all, but still refreshes summary and check', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    await run(github, resultOf(FIVE));
    github.calls.length = 0;
    const again = await run(github, resultOf(FIVE));
    expect(github.calls.map((c) => c.method)).toEqual([
      'listIssueComments',
      'listReviewCommentBodies',
      'updateIssueComment',
      'completeCheckRun',
    ]);
    expect(again.report).toEqual({
      reviewPosted: false,
      posted: 0,
      refused: 0,
      requestedChanges: false,
      summaryId: 1001,
      summaryCreated: false,
      checkRunId: CHECK_ID,
      conclusion: 'failure',
    });
  });

  it('requests changes only when asked and fail_on is met; otherwise comments', async () => {
    const cases = [
      { requestChanges: true, findings: [HIGH_RANGE], expected: true },
      { requestChanges: true, findings: [MEDIUM], expected: false },
      { requestChanges: false, findings: [CRITICAL], expected: false },
    ];
    for (const c of cases) {
      const github = createFakeGitHub({ botLogin: BOT });
      const { report } = await run(github, resultOf(c.findings), { requestChanges: c.requestChanges });
      const reviews = github.calls.filter((call) => call.method === 'createReview');
      // The port's only events are COMMENT (false) and REQUEST_CHANGES (true): an APPROVE cannot be asked for.
      expect(reviews.map((r) => r.method === 'createReview' && r.review.requestChanges)).toEqual([c.expected]);
      expect(report.requestedChanges).toBe(c.expected);
    }
  });

  it('writes no summary (so the head is not marked reviewed) when posting the review fails', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    github.port.createReview = async () => {
      throw new Error('pulls.createReview failed: 502 Bad Gateway');
    };
    const plan = planPublication(resultOf([CRITICAL]), options());
    await expect(publishReview(github.port, REF, plan, { existingSummaryId: null, checkRunId: CHECK_ID })).rejects.toThrow(/502/);
    expect(github.calls).toEqual([]);
  });

  it('completes the check with success and no review when there is nothing to report', async () => {
    const github = createFakeGitHub({ botLogin: BOT });
    const { report } = await run(github, resultOf([]));
    expect(github.calls.map((c) => c.method)).toEqual(['listIssueComments', 'listReviewCommentBodies', 'createIssueComment', 'completeCheckRun']);
    const check = github.calls.at(-1);
    expect(check?.method === 'completeCheckRun' && [check.outcome.conclusion, check.outcome.title]).toEqual(['success', 'No issues']);
    expect(report.reviewPosted).toBe(false);
  });
});
