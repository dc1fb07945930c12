import { describe, expect, it } from 'vitest';
import { renderLineComment } from '../../../../src/render/render-line-comment.js';
import { renderSummaryComment } from '../../../../src/render/render-summary-comment.js';
import { planPublication, type PublicationOptions } from '../../../../src/review/publish/plan-publication.js';
import { BASE, CRITICAL, CTX, FIVE, HEAD_1, HEAD_2, HIGH_RANGE, INFO, LOW, MEDIUM, resultOf } from './fixtures.js';

const OPTIONS: PublicationOptions = {
  headSha: HEAD_2,
  baseSha: BASE,
  reviewedRange: { from: null, to: HEAD_2 },
  postedFingerprints: new Set(),
  config: { fail_on: 'high', max_comments: 10 },
  renderContext: CTX,
  incremental: false,
  requestChanges: false,
};

describe('planPublication: line comments', () => {
  it('comments on every new finding: body from renderLineComment, multi-line findings as ranges', () => {
    const plan = planPublication(resultOf([CRITICAL, HIGH_RANGE, LOW]), OPTIONS);
    expect(plan.review?.commitSha).toBe(HEAD_2);
    expect(plan.review?.comments.map((c) => c.draft)).toEqual([
      { path: 'src/a.ts', line: 3, startLine: null, body: renderLineComment(CRITICAL, CTX), fingerprint: CRITICAL.fingerprint },
      { path: 'src/a.ts', line: 14, startLine: 10, body: renderLineComment(HIGH_RANGE, CTX), fingerprint: HIGH_RANGE.fingerprint },
      { path: 'src/b.ts', line: 20, startLine: null, body: renderLineComment(LOW, CTX), fingerprint: LOW.fingerprint },
    ]);
  });

  it('never comments twice on a fingerprint: posted earlier, or repeated in the result', () => {
    const plan = planPublication(resultOf([CRITICAL, MEDIUM, { ...MEDIUM, line: 9, endLine: 9 }, LOW]), {
      ...OPTIONS,
      postedFingerprints: new Set([CRITICAL.fingerprint, LOW.fingerprint]),
    });
    expect(plan.review?.comments.map((c) => [c.draft.fingerprint, c.draft.line])).toEqual([[MEDIUM.fingerprint, 7]]);
  });

  it('plans no review at all when every finding is already posted', () => {
    const plan = planPublication(resultOf(FIVE), { ...OPTIONS, postedFingerprints: new Set(FIVE.map((f) => f.fingerprint)) });
    expect(plan.review).toBeNull();
  });

  it('keeps to max_comments', () => {
    const plan = planPublication(resultOf(FIVE), { ...OPTIONS, config: { fail_on: 'high', max_comments: 2 } });
    expect(plan.review?.comments.map((c) => c.finding)).toEqual([CRITICAL, HIGH_RANGE]);
    expect(planPublication(resultOf(FIVE), { ...OPTIONS, config: { fail_on: 'high', max_comments: 0 } }).review).toBeNull();
  });

  it('refuses a reviewed range that does not end at the head', () => {
    expect(() => planPublication(resultOf(FIVE), { ...OPTIONS, reviewedRange: { from: null, to: HEAD_1 } })).toThrow(
      /reviewedRange\.to \(abc1234.*\) is not headSha \(def5678.*\)/,
    );
  });
});

describe('planPublication: review event and body', () => {
  const cases = [
    { requestChanges: true, failOn: 'high', findings: [MEDIUM, HIGH_RANGE], expected: true },
    { requestChanges: true, failOn: 'critical', findings: [MEDIUM, HIGH_RANGE], expected: false },
    { requestChanges: true, failOn: 'off', findings: [CRITICAL], expected: false },
    { requestChanges: false, failOn: 'info', findings: [CRITICAL], expected: false },
  ] as const;
  for (const c of cases) {
    it(`requestChanges ${c.requestChanges}, fail_on ${c.failOn}, ${c.findings.map((f) => f.severity).join('+')} -> ${c.expected}`, () => {
      const plan = planPublication(resultOf([...c.findings]), { ...OPTIONS, requestChanges: c.requestChanges, config: { fail_on: c.failOn, max_comments: 10 } });
      expect(plan.review?.requestChanges).toBe(c.expected);
    });
  }

  it('requests changes for a failing finding posted on an earlier run, as long as there is a new comment', () => {
    const plan = planPublication(resultOf([CRITICAL, INFO]), {
      ...OPTIONS,
      requestChanges: true,
      postedFingerprints: new Set([CRITICAL.fingerprint]),
    });
    expect(plan.review?.requestChanges).toBe(true);
  });

  it('says how many comments, of which severities, on what, and points to the summary', () => {
    const plain = planPublication(resultOf([CRITICAL, MEDIUM, LOW]), { ...OPTIONS, postedFingerprints: new Set([CRITICAL.fingerprint]) });
    expect(plain.review?.body).toBe(
      '**Argus**: 2 new comments (1 medium, 1 low) on the whole pull request (`1111111..def5678`).\n\n' +
        'See the Argus summary comment for the full review.',
    );
    const incremental = planPublication(resultOf([HIGH_RANGE]), {
      ...OPTIONS,
      reviewedRange: { from: HEAD_1, to: HEAD_2 },
      incremental: true,
      requestChanges: true,
    });
    expect(incremental.review?.body).toBe(
      '**Argus**: 1 new comment (1 high) on commits `abc1234..def5678`.\n\n' +
        'Changes requested: a finding is at or above `fail_on: high`.\n\n' +
        'See the Argus summary comment for the full review.',
    );
  });
});

describe('planPublication: summary', () => {
  it('records the head, the rendered summary and what was reviewed', () => {
    const result = resultOf(FIVE);
    const plan = planPublication(result, { ...OPTIONS, reviewedRange: { from: HEAD_1, to: HEAD_2 }, incremental: true });
    expect(plan.summary).toEqual({
      state: { reviewedSha: HEAD_2 },
      report: renderSummaryComment(result, CTX),
      reviewed: 'commits `abc1234..def5678`',
    });
  });

  it('names the whole pull request when the run was not incremental, even with a previous SHA', () => {
    const plan = planPublication(resultOf([]), { ...OPTIONS, reviewedRange: { from: HEAD_1, to: HEAD_2 }, incremental: false });
    expect(plan.summary.reviewed).toBe('the whole pull request (`1111111..def5678`)');
    const noBase = planPublication(resultOf([]), { ...OPTIONS, baseSha: undefined });
    expect(noBase.summary.reviewed).toBe('the whole pull request');
  });

  it('infers an incremental run from the range when not told', () => {
    const { incremental: _omitted, ...rest } = OPTIONS;
    expect(planPublication(resultOf([]), { ...rest, reviewedRange: { from: HEAD_1, to: HEAD_2 } }).summary.reviewed).toBe(
      'commits `abc1234..def5678`',
    );
    expect(planPublication(resultOf([]), rest).summary.reviewed).toBe('the whole pull request (`1111111..def5678`)');
  });
});
