import { describe, expect, it } from 'vitest';
import { dedupeFindings } from '../../../src/findings/dedupe-findings.js';
import { isAtLeast, severityRank, type Finding } from '../../../src/findings/finding.js';
import { rankFindings } from '../../../src/findings/rank-findings.js';

const f = (over: Partial<Finding>): Finding => ({
  path: 'a.ts',
  line: 1,
  endLine: 1,
  severity: 'medium',
  category: 'bug',
  source: 'static',
  ruleId: 'r',
  title: 't',
  message: 'm',
  confidence: 0.5,
  fingerprint: 'fp',
  ...over,
});

describe('severity order', () => {
  it('ranks critical first and compares thresholds', () => {
    expect(severityRank('critical')).toBe(0);
    expect(severityRank('info')).toBe(4);
    expect(isAtLeast('high', 'medium')).toBe(true);
    expect(isAtLeast('medium', 'medium')).toBe(true);
    expect(isAtLeast('low', 'medium')).toBe(false);
  });
});

describe('rankFindings', () => {
  it('orders by severity, confidence, path, line, rule', () => {
    const input = [
      f({ fingerprint: 'low', severity: 'low' }),
      f({ fingerprint: 'b-line9', path: 'b.ts', line: 9, severity: 'high', confidence: 0.9 }),
      f({ fingerprint: 'a-line9', path: 'a.ts', line: 9, severity: 'high', confidence: 0.9 }),
      f({ fingerprint: 'a-line2', path: 'a.ts', line: 2, severity: 'high', confidence: 0.9 }),
      f({ fingerprint: 'unsure', severity: 'high', confidence: 0.4 }),
      f({ fingerprint: 'crit', severity: 'critical' }),
    ];
    expect(rankFindings(input).map((x) => x.fingerprint)).toEqual(['crit', 'a-line2', 'a-line9', 'b-line9', 'unsure', 'low']);
  });
});

describe('dedupeFindings', () => {
  it('keeps the strongest finding per fingerprint and reports the rest', () => {
    const weak = f({ fingerprint: 'x', severity: 'low', title: 'weak' });
    const strong = f({ fingerprint: 'x', severity: 'high', title: 'strong' });
    const sure = f({ fingerprint: 'x', severity: 'high', confidence: 0.9, title: 'sure' });
    const other = f({ fingerprint: 'y', title: 'other' });
    const { kept, duplicates } = dedupeFindings([weak, other, strong, sure]);
    expect(kept.map((k) => k.title)).toEqual(['sure', 'other']);
    expect(duplicates.map((d) => d.title)).toEqual(['weak', 'strong']);
  });
});
