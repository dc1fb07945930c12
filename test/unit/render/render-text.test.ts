import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { renderText } from '../../../src/render/render-text.js';
import { CLEAN, CODE_INJECTION, CTX, FULL, STATIC_ONLY } from './fixtures.js';

const ESC = '\x1b';
// eslint-disable-next-line no-control-regex -- matching ANSI escapes is the point
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

const FULL_TEXT = `src/api/run.ts:42  CRITICAL  security  code-injection
  Code injection
  \`eval\` receives \`req.query.expr\`, which the caller controls.
  suggestion:
    const value = evaluateExpression(parseExpression(req.query.expr));

src/cart/total.ts:17-19  HIGH  bug  llm/bug
  Discount applied twice
  applyDiscount() already ran in line 12, so members pay less than intended.

src/jobs/sync.ts:8  MEDIUM  performance  await-in-foreach
  await inside forEach
  The loop does not wait for the callbacks, so sync() returns before the writes finish.
  suggestion:
    for (const item of items) {
      await save(item);
    }

src/cart/total.ts:30  LOW  maintainability  llm/maintainability
  Magic number

4 findings (1 critical, 1 high, 1 medium, 1 low) in 5 files, 214 changed lines
Notes:
  - Semgrep is not installed; the Semgrep pass was skipped.
Skipped 2 files:
  - assets/logo.png: binary
  - package-lock.json: excluded
3 candidate findings rejected (2 outside-diff, 1 duplicate)
LLM gpt-4.1-mini: 3 calls, 14772 tokens (12840 prompt, 1932 completion), about $0.0422
`;

describe('renderText', () => {
  it('renders the full review exactly, without colour', () => {
    const out = renderText(FULL, CTX);
    expect(out).toBe(FULL_TEXT);
    expect(out).not.toContain(ESC);
  });

  it('renders a static-only run: the note says why the LLM did not run, and there is no LLM line', () => {
    expect(renderText(STATIC_ONLY, CTX)).toBe(
      'src/api/run.ts:42  CRITICAL  security  code-injection\n' +
        '  Code injection\n' +
        '  `eval` receives `req.query.expr`, which the caller controls.\n' +
        '  suggestion:\n' +
        '    const value = evaluateExpression(parseExpression(req.query.expr));\n' +
        '\n' +
        '1 finding (1 critical) in 1 file, 12 changed lines\n' +
        'Notes:\n' +
        '  - LLM pass skipped: OPENAI_API_KEY is not set\n',
    );
  });

  it('says so when nothing was found', () => {
    expect(renderText(CLEAN, CTX)).toBe('No findings in 1 file, 1 changed line\n');
  });

  it('colours only when asked, and the colours are the only difference', () => {
    const coloured = renderText(FULL, { ...CTX, color: true });
    expect(coloured).toContain(`${ESC}[1m${ESC}[31mCRITICAL${ESC}[39m${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[33mMEDIUM${ESC}[39m`);
    expect(coloured).toContain(`    ${ESC}[32m  await save(item);${ESC}[39m`);
    expect(stripAnsi(coloured)).toBe(FULL_TEXT);
  });

  it('is deterministic and has no trailing spaces', () => {
    const withSpaces: Finding = { ...CODE_INJECTION, message: 'first line   \n\n   indented   ', suggestion: 'a  \n\n  b  ' };
    const out = renderText({ ...STATIC_ONLY, findings: [withSpaces] }, CTX);
    expect(out.split('\n').filter((l) => /\s$/.test(l))).toEqual([]);
    expect(out).toContain('  first line\n\n     indented\n  suggestion:\n    a\n\n      b\n');
    expect(renderText(FULL, CTX)).toBe(renderText(FULL, CTX));
  });

  it('keeps the pipeline order rather than re-sorting', () => {
    const reversed = { ...FULL, findings: [...FULL.findings].reverse() };
    const headers = renderText(reversed, CTX)
      .split('\n')
      .filter((l) => /^src\//.test(l))
      .map((l) => l.split('  ')[0]);
    expect(headers).toEqual(['src/cart/total.ts:30', 'src/jobs/sync.ts:8', 'src/cart/total.ts:17-19', 'src/api/run.ts:42']);
  });

  it('cannot be used to drive the terminal or break a finding header', () => {
    const hostile: Finding = {
      ...CODE_INJECTION,
      path: 'src/a\nb.ts',
      title: `Title${ESC}]8;;http://evil${ESC}\\link${ESC}]8;;${ESC}\\`,
      message: `clear${ESC}[2J\rover\u202eevil`,
      suggestion: `x = 1;${ESC}[31m`,
    };
    const out = renderText({ ...STATIC_ONLY, findings: [hostile], notes: [`note${ESC}[1A`] }, CTX);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\u202e');
    expect(out.split('\n')[0]).toBe('src/a\\nb.ts:42  CRITICAL  security  code-injection');
    expect(out).toContain('  clear\\x1b[2J\\x0dover\\u202eevil\n');
    expect(out).toContain('    x = 1;\\x1b[31m\n');
    expect(out).toContain('  - note\\x1b[1A\n');
  });
});
