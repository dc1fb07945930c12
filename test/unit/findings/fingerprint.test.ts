import { describe, expect, it } from 'vitest';
import { computeFingerprint, fingerprintFindings, normaliseCode } from '../../../src/findings/fingerprint.js';
import type { RawFinding } from '../../../src/findings/finding.js';

const raw = (line: number, ruleId = 'code-injection', path = 'src/a.ts'): RawFinding => ({
  path,
  line,
  endLine: line,
  severity: 'high',
  category: 'security',
  source: 'static',
  ruleId,
  title: 'Code injection',
  message: 'm',
  confidence: 0.9,
});

describe('fingerprints', () => {
  it('normalises whitespace only', () => {
    expect(normaliseCode('  eval(  x )\n\t;')).toBe('eval( x ) ;');
  });

  it('survives edits elsewhere in the file (line moves, code stays)', () => {
    const before = ['const a = 1;', 'eval(input);'];
    const after = ['// new header', '', 'const a = 2;', '  eval(input);'];
    const [f1] = fingerprintFindings([raw(2)], () => before);
    const [f2] = fingerprintFindings([raw(4)], () => after);
    expect(f1!.fingerprint).toBe(f2!.fingerprint);
    expect(f1!.fingerprint).toMatch(/^[0-9a-f]{24}$/);
  });

  it('changes when the code, the rule or the path changes', () => {
    const base = computeFingerprint('src/a.ts', 'code-injection', 'eval(input);');
    expect(computeFingerprint('src/a.ts', 'code-injection', 'eval(other);')).not.toBe(base);
    expect(computeFingerprint('src/a.ts', 'command-injection', 'eval(input);')).not.toBe(base);
    expect(computeFingerprint('src/b.ts', 'code-injection', 'eval(input);')).not.toBe(base);
  });

  it('keeps two identical flagged lines apart by occurrence, in line order', () => {
    const lines = ['eval(x);', 'ok();', 'eval(x);'];
    const [second, first] = fingerprintFindings([raw(3), raw(1)], () => lines);
    expect(first!.fingerprint).toBe(computeFingerprint('src/a.ts', 'code-injection', 'eval(x);', 0));
    expect(second!.fingerprint).toBe(computeFingerprint('src/a.ts', 'code-injection', 'eval(x);', 1));
  });

  it('covers the whole line range of a multi-line finding', () => {
    const lines = ['exec(', '  cmd', ');'];
    const [f] = fingerprintFindings([{ ...raw(1), endLine: 3 }], () => lines);
    expect(f!.fingerprint).toBe(computeFingerprint('src/a.ts', 'code-injection', 'exec(\n  cmd\n);'));
  });

  it('falls back to the title when the file text is unknown', () => {
    const [f] = fingerprintFindings([raw(7)], () => undefined);
    expect(f!.fingerprint).toBe(computeFingerprint('src/a.ts', 'code-injection', 'Code injection'));
  });
});
