import { describe, expect, it } from 'vitest';
import { renderSummaryComment } from '../../../../src/render/render-summary-comment.js';
import { composeSummaryBody, SUMMARY_COMMENT_CHARS } from '../../../../src/review/publish/compose-summary-body.js';
import { readSummaryState } from '../../../../src/review/publish/read-summary-state.js';
import { CTX, HEAD_1, MEDIUM, resultOf } from './fixtures.js';

const REVIEWED = 'commits `1111111..abc1234`';

describe('composeSummaryBody', () => {
  it('is header, report and reviewed range when nothing was refused', () => {
    const report = renderSummaryComment(resultOf([MEDIUM]), CTX);
    const body = composeSummaryBody({ state: { reviewedSha: HEAD_1 }, report, reviewed: REVIEWED }, []);
    expect(body).toBe(`${report.replace('\n', `\n<!-- argus:reviewed=${HEAD_1} -->\n`)}\n\n_Reviewed: ${REVIEWED}._`);
  });

  it('fits a huge summary (3000 skipped files) into a GitHub comment, state and range kept, details closed', () => {
    const skippedFiles = Array.from({ length: 3000 }, (_, i) => ({ path: `generated/very/long/path/file-${i}.ts`, reason: 'excluded' }));
    const report = renderSummaryComment(resultOf([MEDIUM], { stats: { files: 1, changedLines: 1, skippedFiles, llm: null, durationMs: 1 } }), CTX);
    expect(report.length).toBeGreaterThan(SUMMARY_COMMENT_CHARS);
    const refusedComment = { path: 'src/b.ts', line: 7, startLine: null, body: 'x', fingerprint: MEDIUM.fingerprint };
    const unanchored = Array.from({ length: 100 }, () => ({ comment: refusedComment, finding: MEDIUM, reason: 'r'.repeat(400) }));
    const body = composeSummaryBody({ state: { reviewedSha: HEAD_1 }, report, reviewed: REVIEWED }, unanchored);

    expect(body.length).toBeLessThanOrEqual(SUMMARY_COMMENT_CHARS);
    expect(readSummaryState(body)).toEqual({ reviewedSha: HEAD_1 });
    expect(body.endsWith(`_Reviewed: ${REVIEWED}._`)).toBe(true);
    expect(body).toContain('### Findings not anchored in the diff');
    expect(body).toContain('_(Shortened: GitHub limits a comment to 65536 characters. The Argus check run lists every finding.)_');
    expect(body.match(/^<details>/gm)?.length).toBe(body.match(/^<\/details>/gm)?.length);
  });
});
