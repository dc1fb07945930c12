import { describe, expect, it } from 'vitest';
import { isSuppressed } from '../../../src/static/suppressions.js';

describe('argus-ignore-next-line', () => {
  const lines = (previous: string) => [previous, 'eval(x);'];

  it('suppresses the named rule on the next line only', () => {
    expect(isSuppressed(lines('// argus-ignore-next-line code-injection -- sandboxed input'), 2, 'code-injection')).toBe(true);
    expect(isSuppressed(lines('// argus-ignore-next-line code-injection -- sandboxed input'), 2, 'command-injection')).toBe(false);
    expect(isSuppressed(['// argus-ignore-next-line code-injection', '', 'eval(x);'], 3, 'code-injection')).toBe(false);
  });

  it('accepts several ids, any comment syntax, and no id for every rule', () => {
    expect(isSuppressed(lines('# argus-ignore-next-line hardcoded-secret, code-injection'), 2, 'code-injection')).toBe(true);
    expect(isSuppressed(lines('/* argus-ignore-next-line self-comparison */'), 2, 'self-comparison')).toBe(true);
    expect(isSuppressed(lines('// argus-ignore-next-line -- generated code'), 2, 'anything')).toBe(true);
  });

  it('does not match a rule id that only shares a prefix', () => {
    expect(isSuppressed(lines('// argus-ignore-next-line code -- x'), 2, 'code-injection')).toBe(false);
  });

  it('ignores the first line, which has no line before it', () => {
    expect(isSuppressed(['eval(x);'], 1, 'code-injection')).toBe(false);
  });
});
