import { describe, expect, it } from 'vitest';
import { fingerprintMarker } from '../../../../src/render/markers.js';
import { dismissMarker, parseDismissMarker, readFindingComment, learnedSeverityDrops, formatDismissalNote } from '../../../../src/review/feedback/index.js';
import { readSummaryState } from '../../../../src/review/publish/read-summary-state.js';
import { writeSummaryState } from '../../../../src/review/publish/write-summary-state.js';

const SHA = 'a'.repeat(40);

describe('dismiss markers', () => {
  it('round-trips, and counts only on the last line', () => {
    const marker = dismissMarker('fp-1', 'sql-injection');
    expect(marker).toBe('<!-- argus:dismissed=fp-1 rule=sql-injection -->');
    expect(parseDismissMarker(`Dismissed.\n\n${marker}\n`)).toEqual({ fingerprint: 'fp-1', ruleId: 'sql-injection' });
    expect(parseDismissMarker(`${marker}\n\nquoted above`)).toBeNull();
    expect(parseDismissMarker('<!-- argus:dismissed=%zz rule=x -->')).toBeNull();
    expect(() => dismissMarker('fp', 'Bad Rule')).toThrow(/not a rule id/);
  });

  it('reads the fingerprint and rule of an Argus line comment', () => {
    const body = `🟠 **high** · security · \`code-injection\`\n\n**title**\n\n${fingerprintMarker('abc')}`;
    expect(readFindingComment(body)).toEqual({ fingerprint: 'abc', ruleId: 'code-injection' });
    expect(readFindingComment('a human comment')).toBeNull();
  });
});

describe('learning and the summary note', () => {
  it('lowers one step per 3 dismissals, never a rule the config sets', () => {
    expect([...learnedSeverityDrops(new Map([['a', 2], ['b', 3], ['c', 7], ['d', 9]]), { d: 'high' })]).toEqual([['b', 1], ['c', 2]]);
  });

  it('counts dismissals per rule, most first', () => {
    const d = (fingerprint: string, ruleId: string) => ({ fingerprint, ruleId, via: 'dismiss' as const });
    expect(formatDismissalNote([d('1', 'xss'), d('2', 'sql-injection'), d('3', 'sql-injection')])).toBe(
      'Dismissed as false positives on this pull request (not raised again): sql-injection 2, xss 1',
    );
    expect(formatDismissalNote([])).toBe('');
  });
});

describe('the paused flag in the summary state', () => {
  it('round-trips; absent or ambiguous reads as not paused', () => {
    const body = writeSummaryState('## Argus review', { reviewedSha: SHA, paused: true });
    expect(body).toBe(`<!-- argus:summary -->\n<!-- argus:reviewed=${SHA} -->\n<!-- argus:paused=true -->\n## Argus review`);
    expect(readSummaryState(body)).toEqual({ reviewedSha: SHA, paused: true });
    expect(readSummaryState(writeSummaryState(body, { reviewedSha: SHA }))).toEqual({ reviewedSha: SHA });
    expect(readSummaryState('<!-- argus:summary -->\n<!-- argus:paused=yes -->')).toEqual({ reviewedSha: null });
  });
});
