import { describe, expect, it } from 'vitest';
import { fingerprintMarker } from '../../../../src/render/markers.js';
import { renderLineComment } from '../../../../src/render/render-line-comment.js';
import { parseFingerprints } from '../../../../src/review/publish/parse-fingerprints.js';
import { CTX, LOW, MEDIUM } from './fixtures.js';

describe('parseFingerprints', () => {
  it('reads the fingerprint of every rendered line comment, suggestion blocks included', () => {
    const bodies = [renderLineComment(MEDIUM, CTX), renderLineComment(LOW, CTX)];
    expect(parseFingerprints(bodies)).toEqual(new Set([MEDIUM.fingerprint, LOW.fingerprint]));
  });

  it('round-trips fingerprints that need percent-encoding', () => {
    const odd = 'a b-->c%d/ü';
    expect(parseFingerprints([`text\n\n${fingerprintMarker(odd)}`])).toEqual(new Set([odd]));
  });

  it('accepts CRLF line ends and trailing blank lines', () => {
    expect(parseFingerprints([`**title**\r\n\r\n${fingerprintMarker('abc')}\r\n\r\n`])).toEqual(new Set(['abc']));
  });

  it('ignores bodies without a marker on the last line: replies, quotes, code', () => {
    const bodies = [
      'Good catch, fixed.',
      `${fingerprintMarker('quoted')}\n\nI disagree with this one.`,
      `\`\`\`suggestion\n${fingerprintMarker('in-code')}\n\`\`\``,
      `see ${fingerprintMarker('inline')}`,
    ];
    expect(parseFingerprints(bodies)).toEqual(new Set());
  });

  it('ignores malformed markers', () => {
    const bodies = [
      '<!-- argus:fp=%E0%A4 -->',
      '<!-- argus:fp= -->',
      '<!-- argus:fp=a b -->',
      '<!-- argus:fp=%61bc -->',
      '<!-- argus:fp=abc-->',
      '<!-- argus:fpx=abc -->',
    ];
    expect(parseFingerprints(bodies)).toEqual(new Set());
  });
});
