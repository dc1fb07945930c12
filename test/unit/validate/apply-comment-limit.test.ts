import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../../src/findings/finding.js';
import { applyCommentLimit } from '../../../src/validate/index.js';

const finding = (line: number, severity: Severity, confidence: number, source: Finding['source'] = 'llm'): Finding => ({
  path: 'src/a.ts',
  line,
  endLine: line,
  severity,
  category: 'bug',
  source,
  ruleId: 'llm/bug',
  title: `t${line}`,
  message: '',
  confidence,
  fingerprint: `fp${line}`,
});

describe('applyCommentLimit', () => {
  it('keeps everything up to the limit', () => {
    const findings = [finding(1, 'info', 0.1), finding(2, 'low', 0.2)];
    expect(applyCommentLimit(findings, 2)).toEqual({ kept: findings, rejected: [] });
  });

  it('drops the lowest severity first, keeping the input order of the rest', () => {
    const findings = [finding(1, 'low', 0.9), finding(2, 'critical', 0.5), finding(3, 'info', 1), finding(4, 'medium', 0.6)];
    const { kept, rejected } = applyCommentLimit(findings, 2);
    expect(kept.map((f) => f.line)).toEqual([2, 4]);
    expect(rejected).toEqual([
      { source: 'llm', reason: 'over-limit', path: 'src/a.ts', line: 1, title: 't1' },
      { source: 'llm', reason: 'over-limit', path: 'src/a.ts', line: 3, title: 't3' },
    ]);
  });

  it('between equal severities drops the lowest confidence, then the latest', () => {
    const findings = [finding(1, 'high', 0.6), finding(2, 'high', 0.9), finding(3, 'high', 0.6), finding(4, 'high', 0.7)];
    expect(applyCommentLimit(findings, 2).kept.map((f) => f.line)).toEqual([2, 4]);
    expect(applyCommentLimit(findings, 3).kept.map((f) => f.line)).toEqual([1, 2, 4]);
  });

  it('names the source of each dropped finding, static ones included', () => {
    const { rejected } = applyCommentLimit([finding(1, 'high', 1, 'static'), finding(2, 'high', 1, 'semgrep')], 0);
    expect(rejected.map((r) => [r.source, r.reason])).toEqual([
      ['static', 'over-limit'],
      ['semgrep', 'over-limit'],
    ]);
  });

  it('rejects a limit that is not an integer >= 0', () => {
    expect(() => applyCommentLimit([], -1)).toThrow('comment limit must be an integer >= 0, got -1');
    expect(() => applyCommentLimit([], Number.NaN)).toThrow(RangeError);
    expect(() => applyCommentLimit([], 1.5)).toThrow(RangeError);
  });
});
