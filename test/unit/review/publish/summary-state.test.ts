import { describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../../../src/render/markers.js';
import { readSummaryState } from '../../../../src/review/publish/read-summary-state.js';
import { writeSummaryState } from '../../../../src/review/publish/write-summary-state.js';
import { HEAD_1, HEAD_2 } from './fixtures.js';

const RENDERED = `${SUMMARY_MARKER}\n## Argus review\n\nNo issues found in 4 changed lines of 1 file.`;
const SHA_256 = 'ab'.repeat(32);

describe('writeSummaryState', () => {
  it('puts the reviewed marker right after SUMMARY_MARKER and keeps the rest', () => {
    expect(writeSummaryState(RENDERED, { reviewedSha: HEAD_1 })).toBe(
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_1} -->\n## Argus review\n\nNo issues found in 4 changed lines of 1 file.`,
    );
  });

  it('replaces an earlier header instead of stacking a second one', () => {
    const once = writeSummaryState(RENDERED, { reviewedSha: HEAD_1 });
    const twice = writeSummaryState(once, { reviewedSha: HEAD_2 });
    expect(twice).toBe(writeSummaryState(RENDERED, { reviewedSha: HEAD_2 }));
    expect(twice.match(/argus:reviewed=/g)).toHaveLength(1);
  });

  it('adds SUMMARY_MARKER to a body without one', () => {
    expect(writeSummaryState('## Argus review', { reviewedSha: HEAD_1 })).toBe(
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_1} -->\n## Argus review`,
    );
  });

  it('writes no state line for a null SHA, lowercases an upper-case one', () => {
    expect(writeSummaryState(RENDERED, { reviewedSha: null })).toBe(RENDERED);
    expect(readSummaryState(writeSummaryState(RENDERED, { reviewedSha: HEAD_1.toUpperCase() })).reviewedSha).toBe(HEAD_1);
  });

  it('refuses a short or symbolic ref, saying what to pass', () => {
    expect(() => writeSummaryState(RENDERED, { reviewedSha: 'abc1234' })).toThrow(/expected a full 40- or 64-digit hex SHA; pass the pull request's head SHA/);
    expect(() => writeSummaryState(RENDERED, { reviewedSha: 'main' })).toThrow(/"main"/);
  });
});

describe('readSummaryState', () => {
  it('round-trips SHA-1 and SHA-256 commits', () => {
    for (const sha of [HEAD_1, SHA_256]) {
      expect(readSummaryState(writeSummaryState(RENDERED, { reviewedSha: sha }))).toEqual({ reviewedSha: sha });
    }
  });

  it('reads null from a summary without state, or from a body that is not a summary', () => {
    expect(readSummaryState(RENDERED)).toEqual({ reviewedSha: null });
    expect(readSummaryState(`Thanks!\n<!-- argus:reviewed=${HEAD_1} -->`)).toEqual({ reviewedSha: null });
    expect(readSummaryState('')).toEqual({ reviewedSha: null });
  });

  it('survives the CRLF line ends a web edit leaves', () => {
    const edited = writeSummaryState(RENDERED, { reviewedSha: HEAD_1 }).replace(/\n/g, '\r\n');
    expect(readSummaryState(edited)).toEqual({ reviewedSha: HEAD_1 });
  });

  it('ignores a forged marker inside a fenced code block', () => {
    const forged = `${SUMMARY_MARKER}\n## Argus review\n\n\`\`\`\n<!-- argus:reviewed=${HEAD_2} -->\n\`\`\``;
    expect(readSummaryState(forged)).toEqual({ reviewedSha: null });
    const fenceFirst = `${SUMMARY_MARKER}\n\`\`\`\n<!-- argus:reviewed=${HEAD_2} -->\n\`\`\``;
    expect(readSummaryState(fenceFirst)).toEqual({ reviewedSha: null });
  });

  it('reads only the header: a marker added lower down does not replace the recorded SHA', () => {
    const body = `${writeSummaryState(RENDERED, { reviewedSha: HEAD_1 })}\n\n<!-- argus:reviewed=${HEAD_2} -->`;
    expect(readSummaryState(body)).toEqual({ reviewedSha: HEAD_1 });
  });

  it('reads null when the header is malformed or contradicts itself', () => {
    const cases = [
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=abc1234 -->`,
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_1.toUpperCase()} -->`,
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_1}x -->`,
      `${SUMMARY_MARKER}\n<!-- argus:reviewed= -->`,
      `${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_1} -->\n<!-- argus:reviewed=${HEAD_2} -->`,
    ];
    for (const body of cases) expect(readSummaryState(body), body).toEqual({ reviewedSha: null });
  });

  it('skips unknown state keys a later version may write', () => {
    const body = `${SUMMARY_MARKER}\n<!-- argus:paused=yes -->\n<!-- argus:reviewed=${HEAD_1} -->\n## Argus review`;
    expect(readSummaryState(body)).toEqual({ reviewedSha: HEAD_1 });
    expect(writeSummaryState(body, { reviewedSha: HEAD_2 })).toBe(`${SUMMARY_MARKER}\n<!-- argus:reviewed=${HEAD_2} -->\n## Argus review`);
  });
});
