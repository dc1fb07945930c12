import { describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../../../src/render/markers.js';
import { findSummaryComment } from '../../../../src/review/publish/find-summary-comment.js';

const BOT = 'argus-review[bot]';

describe('findSummaryComment', () => {
  it('finds the newest summary by the bot, whatever the list order', () => {
    const comments = [
      { id: 30, body: `${SUMMARY_MARKER}\nnewer`, authorLogin: BOT },
      { id: 10, body: `${SUMMARY_MARKER}\nolder`, authorLogin: BOT },
      { id: 20, body: 'LGTM', authorLogin: 'alice' },
    ];
    expect(findSummaryComment(comments, BOT)).toEqual(comments[0]);
  });

  it('ignores a comment by someone else that carries the marker (a forged summary)', () => {
    const forged = { id: 99, body: `${SUMMARY_MARKER}\n<!-- argus:reviewed=${'f'.repeat(40)} -->`, authorLogin: 'mallory' };
    const own = { id: 5, body: `${SUMMARY_MARKER}\n## Argus review`, authorLogin: BOT };
    expect(findSummaryComment([own, forged], BOT)).toEqual(own);
    expect(findSummaryComment([forged], BOT)).toBeNull();
  });

  it("ignores the bot's other comments, and compares logins without case", () => {
    const reply = { id: 8, body: `Usage: /argus review\n${SUMMARY_MARKER}`, authorLogin: BOT };
    const summary = { id: 7, body: `${SUMMARY_MARKER}\n## Argus review`, authorLogin: 'Argus-Review[bot]' };
    expect(findSummaryComment([reply, summary], BOT)).toEqual(summary);
    expect(findSummaryComment([reply], BOT)).toBeNull();
    expect(findSummaryComment([], BOT)).toBeNull();
  });
});
