import { describe, expect, it } from 'vitest';
import { renderSummaryComment } from '../../../../src/render/render-summary-comment.js';
import { planPublication } from '../../../../src/review/publish/plan-publication.js';
import { ANNOTATION_MESSAGE_BYTES, toCheckAnnotation } from '../../../../src/review/publish/to-check-annotation.js';
import { summarize, type ReviewResult } from '../../../../src/review/result.js';
import type { SeverityOrOff } from '../../../../src/config/index.js';
import { CRITICAL, CTX, FIVE, HEAD_2, HIGH_RANGE, INFO, LOW, MEDIUM, finding, resultOf } from './fixtures.js';

function checkOf(result: ReviewResult, failOn: SeverityOrOff, posted: string[] = []) {
  return planPublication(result, {
    headSha: HEAD_2,
    reviewedRange: { from: null, to: HEAD_2 },
    postedFingerprints: new Set(posted),
    config: { fail_on: failOn, max_comments: 10 },
    renderContext: CTX,
    requestChanges: false,
  }).check;
}

describe('check outcome', () => {
  it('fails when a finding meets fail_on, with the counts as title', () => {
    const check = checkOf(resultOf([HIGH_RANGE, { ...HIGH_RANGE, fingerprint: 'h2' }, MEDIUM]), 'high');
    expect(check.conclusion).toBe('failure');
    expect(check.title).toBe('2 high, 1 medium');
  });

  it('succeeds below fail_on, and always with fail_on off', () => {
    expect(checkOf(resultOf([MEDIUM, LOW]), 'high').conclusion).toBe('success');
    expect(checkOf(resultOf([CRITICAL]), 'off').conclusion).toBe('success');
    expect(checkOf(resultOf([INFO]), 'info').conclusion).toBe('failure');
  });

  it('says "No issues" for an empty review', () => {
    const check = checkOf(resultOf([]), 'high');
    expect(check).toMatchObject({ conclusion: 'success', title: 'No issues', annotations: [] });
  });

  it('judges findings posted on an earlier run too, so a re-run keeps failing', () => {
    expect(checkOf(resultOf([CRITICAL]), 'high', [CRITICAL.fingerprint]).conclusion).toBe('failure');
  });

  it('fails on findings max_comments left out (counted in result.summary)', () => {
    const overLimit = resultOf([], { summary: summarize([CRITICAL]) });
    const check = checkOf(overLimit, 'high');
    expect(check).toMatchObject({ conclusion: 'failure', title: '1 critical', annotations: [] });
  });

  it('summarises like the summary comment, without its hidden marker, plus range and threshold', () => {
    const result = resultOf([MEDIUM]);
    const report = renderSummaryComment(result, CTX).split('\n').slice(1).join('\n');
    expect(checkOf(result, 'high').summary).toBe(
      `${report}\n\n_Reviewed: the whole pull request. This check fails on findings at or above \`fail_on: high\`._`,
    );
    expect(checkOf(result, 'off').summary).toMatch(/This check never fails \(`fail_on: off`\)\._$/);
  });

  it('annotates every finding with the level of its severity', () => {
    expect(checkOf(resultOf(FIVE), 'high').annotations.map((a) => [a.path, a.startLine, a.endLine, a.level])).toEqual([
      ['src/a.ts', 3, 3, 'failure'],
      ['src/a.ts', 10, 14, 'failure'],
      ['src/b.ts', 7, 7, 'warning'],
      ['src/b.ts', 20, 20, 'notice'],
      ['src/c.ts', 1, 1, 'notice'],
    ]);
  });
});

describe('toCheckAnnotation', () => {
  it('writes title and a plain-text message: explanation, rule line, suggestion', () => {
    expect(toCheckAnnotation(LOW)).toEqual({
      path: 'src/b.ts',
      startLine: 20,
      endLine: 20,
      level: 'notice',
      title: 'low problem',
      message: 'Why the low problem matters.\n\nlow · bug · rule-low\n\nSuggestion:\nconst x = 1;',
    });
    expect(toCheckAnnotation({ ...MEDIUM, message: ' ', suggestion: '' }).message).toBe(
      'medium problem\n\nmedium · bug · rule-medium\n\nSuggestion: delete these lines.',
    );
  });

  it('keeps the title on one line and neutralises control characters', () => {
    const a = toCheckAnnotation(finding('high', 'x.ts', 1, { title: 'Bad\n  thing\u202e', message: 'a\u001bb' }));
    expect(a.title).toBe('Bad thing\\u202e');
    expect(a.message.split('\n\n')[0]).toBe('a\\x1bb');
  });

  it("truncates the message to GitHub's 64 KB, counted in UTF-8 bytes, without splitting a character", () => {
    const huge = toCheckAnnotation(finding('high', 'x.ts', 1, { message: 'é'.repeat(40_000) }));
    const bytes = Buffer.byteLength(huge.message, 'utf8');
    expect(bytes).toBeLessThanOrEqual(ANNOTATION_MESSAGE_BYTES);
    expect(bytes).toBeGreaterThan(ANNOTATION_MESSAGE_BYTES - 100);
    expect(huge.message).toMatch(/^(é)+\n… \(truncated: \d+ more bytes not shown\)$/);
    const fits = 'é'.repeat(1000);
    expect(toCheckAnnotation(finding('high', 'x.ts', 1, { message: fits })).message.startsWith(`${fits}\n\n`)).toBe(true);
  });
});
