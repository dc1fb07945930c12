import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseDiff } from '../../../src/diff/index.js';
import { computeFingerprint } from '../../../src/findings/fingerprint.js';
import type { Rejection } from '../../../src/review/result.js';
import {
  REJECTION_REASONS,
  validateLlmFindings,
  type ValidationContext,
  type ValidationRejection,
} from '../../../src/validate/index.js';
import { cartContext, modelFinding, REPORT, staticFinding, TOTAL } from './llm-fixtures.js';

const Q17 = 'const again = applyDiscount(discounted, cart.coupon);';
const Q44 = 'return names.sort();';

/** The single reason `raw` is refused for, or 'accepted'. */
function verdict(raw: unknown, over: Partial<ValidationContext> = {}): string {
  const outcome = validateLlmFindings([raw], cartContext(over));
  expect(outcome.accepted.length + outcome.rejected.length).toBe(1);
  return outcome.rejected[0]?.reason ?? 'accepted';
}

/** Where an accepted finding landed: [line, endLine]. */
function landing(raw: unknown, over: Partial<ValidationContext> = {}): [number, number] {
  const [f] = validateLlmFindings([raw], cartContext(over)).accepted;
  if (!f) throw new Error('finding was refused');
  return [f.line, f.endLine];
}

describe('validateLlmFindings', () => {
  it('accepts a finding that quotes a changed line, as an llm Finding fingerprinted by its code', () => {
    const outcome = validateLlmFindings([modelFinding()], cartContext());
    expect(outcome).toEqual({
      accepted: [
        {
          path: TOTAL,
          line: 17,
          endLine: 17,
          severity: 'high',
          category: 'bug',
          source: 'llm',
          ruleId: 'llm/bug',
          title: 'Discount applied twice',
          message: 'applyDiscount() already ran on the line above.',
          confidence: 0.9,
          fingerprint: computeFingerprint(TOTAL, 'llm/bug', `  ${Q17}`),
        },
      ],
      rejected: [],
      moved: [],
      suggestionsDropped: 0,
      counts: Object.fromEntries(REJECTION_REASONS.map((r) => [r, 0])),
    });
  });

  it('gives rejections that fit the Rejection type of the JSON output', () => {
    expectTypeOf<ValidationRejection>().toExtend<Rejection>();
    expect(REJECTION_REASONS).toEqual([
      'schema',
      'unknown-path',
      'outside-diff',
      'quote-mismatch',
      'low-confidence',
      'below-threshold',
      'duplicate',
      'over-limit',
    ]);
  });

  describe('schema', () => {
    it('refuses a finding off the contract, naming its readable path, line and title', () => {
      const outcome = validateLlmFindings([modelFinding({ severity: 'blocker', line: 18 })], cartContext());
      expect(outcome.rejected).toEqual([
        { source: 'llm', reason: 'schema', path: TOTAL, line: 18, title: 'Discount applied twice' },
      ]);
    });

    it('does not discard the siblings of a bad finding', () => {
      const outcome = validateLlmFindings([42, modelFinding(), { path: 7 }], cartContext());
      expect(outcome.accepted.map((f) => f.line)).toEqual([17]);
      expect(outcome.rejected).toEqual([
        { source: 'llm', reason: 'schema' },
        { source: 'llm', reason: 'schema' },
      ]);
    });

    it('leaves out of the rejection the fields that are mistyped or over their bound', () => {
      const outcome = validateLlmFindings(
        [modelFinding({ path: 'x'.repeat(1001), line: 2.5, title: 't'.repeat(201) }), modelFinding({ line: '17', title: '  ' })],
        cartContext(),
      );
      expect(outcome.rejected).toEqual([
        { source: 'llm', reason: 'schema' },
        { source: 'llm', reason: 'schema', path: TOTAL },
      ]);
    });

    it.each([
      ['a missing key', { quote: undefined }],
      ['an unknown key', { fix: 'x' }],
      ['line 0', { line: 0 }],
      ['a fractional line', { line: 17.5 }],
      ['endLine before line', { endLine: 16 }],
      ['confidence above 1', { confidence: 1.01 }],
      ['confidence below 0', { confidence: -0.1 }],
      ['an empty title', { title: '' }],
      ['an empty path', { path: '' }],
      ['a blank quote', { quote: ' \n ' }],
      ['an unknown category', { category: 'correctness' }],
      ['a title over 200 characters', { title: 'x'.repeat(201) }],
      ['a body over 4000 characters', { body: 'x'.repeat(4001) }],
      ['a quote over 2000 characters', { quote: 'x'.repeat(2001) }],
      ['a suggestion over 8000 characters', { suggestion: 'x'.repeat(8001) }],
    ])('refuses %s', (_name, over) => {
      const raw = Object.fromEntries(Object.entries(modelFinding(over)).filter(([, v]) => v !== undefined));
      expect(verdict(raw)).toBe('schema');
    });

    it('accepts strings at their bounds', () => {
      expect(verdict(modelFinding({ title: 'x'.repeat(200), body: 'x'.repeat(4000) }))).toBe('accepted');
    });
  });

  describe('unknown-path', () => {
    it('refuses a path that is not a file of this request', () => {
      expect(verdict(modelFinding({ path: 'src/cart/discount.ts' }))).toBe('unknown-path');
    });

    it('compares paths exactly: another spelling of a request file is not repaired', () => {
      expect(verdict(modelFinding({ path: `./${TOTAL}` }))).toBe('unknown-path');
      expect(verdict(modelFinding({ path: 'src/cart/../cart/total.ts' }))).toBe('unknown-path');
      expect(verdict(modelFinding({ path: 'SRC/cart/total.ts' }))).toBe('unknown-path');
    });
  });

  describe('outside-diff', () => {
    it('refuses a quote found at its line when that line is not commentable', () => {
      expect(verdict(modelFinding({ line: 23, quote: 'const names = cart.items.map((item) => item.name);' }))).toBe(
        'outside-diff',
      );
    });

    it('does not move a quote found at its own line, even to a commentable match nearby', () => {
      // Line 25 is "}" between the hunks; lines 20 and 29 are "}" too, and commentable.
      expect(verdict(modelFinding({ line: 25, quote: '}' }))).toBe('outside-diff');
    });

    it('refuses a range that leaves the hunk, or runs past the end of the file', () => {
      expect(verdict(modelFinding({ line: 20, endLine: 23, quote: '}' }))).toBe('outside-diff');
      expect(verdict(modelFinding({ line: 20, endLine: 29, quote: '}' }))).toBe('outside-diff');
      expect(verdict(modelFinding({ line: 44, endLine: 5000, quote: Q44 }))).toBe('outside-diff');
    });

    it('refuses a moved finding whose shifted range leaves the hunk', () => {
      expect(landing(modelFinding({ line: 15, endLine: 19 }))).toEqual([17, 21]);
      expect(verdict(modelFinding({ line: 15, endLine: 20 }))).toBe('outside-diff');
    });

    it('accepts a range inside one hunk', () => {
      expect(landing(modelFinding({ line: 17, endLine: 21 }))).toEqual([17, 21]);
    });
  });

  describe('quote-mismatch', () => {
    it('refuses a quote that is not in the file near its line', () => {
      expect(verdict(modelFinding({ quote: 'const again = applyDiscount(base, cart.coupon);' }))).toBe('quote-mismatch');
    });

    it('compares whole lines: a fragment of the line is a mismatch', () => {
      expect(verdict(modelFinding({ quote: 'applyDiscount(discounted, cart.coupon)' }))).toBe('quote-mismatch');
    });

    it('ignores whitespace differences', () => {
      expect(landing(modelFinding({ quote: '\tconst   again = applyDiscount(discounted,  cart.coupon);\n' }))).toEqual([17, 17]);
    });

    it('compares a multi-line quote with as many lines from its line on', () => {
      const two = `${Q17}\n  const taxed = again * (1 + TAX_RATE);`;
      expect(landing(modelFinding({ quote: two, endLine: 18 }))).toEqual([17, 18]);
      expect(verdict(modelFinding({ quote: `${Q17}\n  const taxed = discounted * (1 + TAX_RATE);` }))).toBe('quote-mismatch');
    });

    it('refuses a quote found at several commentable lines nearby (ambiguous)', () => {
      // "}" is at 29, 34 ("  }") and 36, all commentable and within 5 lines of 31.
      expect(verdict(modelFinding({ line: 31, quote: '}' }))).toBe('quote-mismatch');
    });

    it('refuses a line number far outside the file', () => {
      expect(verdict(modelFinding({ line: 100_000, quote: Q44 }))).toBe('quote-mismatch');
    });
  });

  describe('moving a finding to its quote', () => {
    it('moves up to 5 lines either way, and no further', () => {
      expect(landing(modelFinding({ line: 39, quote: Q44 }))).toEqual([44, 44]);
      expect(verdict(modelFinding({ line: 38, quote: Q44 }))).toBe('quote-mismatch');
      expect(landing(modelFinding({ line: 22 }))).toEqual([17, 17]);
      expect(verdict(modelFinding({ line: 23 }))).toBe('quote-mismatch');
    });

    it('shifts endLine by the same delta and records the move', () => {
      const outcome = validateLlmFindings([modelFinding({ line: 15, endLine: 16 })], cartContext());
      expect(outcome.accepted.map((f) => [f.line, f.endLine])).toEqual([[17, 18]]);
      expect(outcome.moved).toEqual([{ path: TOTAL, from: 15, to: 17 }]);
    });

    it('counts only commentable matches: one commentable match among others is a move', () => {
      // From 27: "}" at 25 is between the hunks, "}" at 29 is commentable.
      expect(landing(modelFinding({ line: 27, quote: '}' }))).toEqual([29, 29]);
    });

    it('does not record the move of a finding refused later', () => {
      const outcome = validateLlmFindings([modelFinding({ line: 15, confidence: 0.1 })], cartContext());
      expect(outcome.rejected.map((r) => [r.reason, r.line])).toEqual([['low-confidence', 15]]);
      expect(outcome.moved).toEqual([]);
    });
  });

  describe('low-confidence', () => {
    it('refuses a confidence below the floor, and accepts one at the floor', () => {
      expect(verdict(modelFinding({ confidence: 0.49 }), { confidenceFloor: 0.5 })).toBe('low-confidence');
      expect(verdict(modelFinding({ confidence: 0.5 }), { confidenceFloor: 0.5 })).toBe('accepted');
    });
  });

  describe('below-threshold', () => {
    it('refuses a severity below the minimum, and accepts one at it', () => {
      expect(verdict(modelFinding({ severity: 'low' }), { minSeverity: 'medium' })).toBe('below-threshold');
      expect(verdict(modelFinding({ severity: 'medium' }), { minSeverity: 'medium' })).toBe('accepted');
      expect(verdict(modelFinding({ severity: 'info' }), { minSeverity: 'info' })).toBe('accepted');
    });
  });

  describe('duplicate', () => {
    it('refuses a later finding with the fingerprint of an accepted one, whatever its wording or severity', () => {
      const outcome = validateLlmFindings(
        [modelFinding(), modelFinding({ line: 18, title: 'Coupon applied again', severity: 'critical' })],
        cartContext(),
      );
      expect(outcome.accepted.map((f) => f.title)).toEqual(['Discount applied twice']);
      expect(outcome.rejected).toEqual([
        { source: 'llm', reason: 'duplicate', path: TOTAL, line: 18, title: 'Coupon applied again' },
      ]);
    });

    it('keeps findings of other categories on the same code', () => {
      const outcome = validateLlmFindings([modelFinding(), modelFinding({ category: 'performance' })], cartContext());
      expect(outcome.accepted.map((f) => f.ruleId)).toEqual(['llm/bug', 'llm/performance']);
    });

    it('keeps identical code on two lines apart (occurrence in the file)', () => {
      const outcome = validateLlmFindings(
        [modelFinding({ line: 36, quote: '}', category: 'style' }), modelFinding({ line: 40, quote: '}', category: 'style' })],
        cartContext(),
      );
      // Whitespace aside, "}" is on lines 10, 12, 20, 25, 29 and 34 before 36; and on 36 too before 40.
      expect(outcome.accepted.map((f) => f.fingerprint)).toEqual([
        computeFingerprint(TOTAL, 'llm/style', '}', 6),
        computeFingerprint(TOTAL, 'llm/style', '}', 7),
      ]);
    });

    it('refuses the same category as a static finding on overlapping lines', () => {
      const statics = [staticFinding({ path: TOTAL, line: 38, endLine: 40 })];
      const eval39 = { line: 39, quote: `return eval('"' + cart.coupon + '"');`, category: 'security' };
      expect(verdict(modelFinding(eval39), { staticFindings: statics })).toBe('duplicate');
      expect(verdict(modelFinding({ ...eval39, category: 'bug' }), { staticFindings: statics })).toBe('accepted');
      expect(verdict(modelFinding({ ...eval39, line: 38, endLine: 38, quote: 'export function couponCode(cart: Cart): string {' }), {
        staticFindings: [staticFinding({ path: TOTAL, line: 39, endLine: 40 })],
      })).toBe('accepted');
      expect(verdict(modelFinding(eval39), { staticFindings: [staticFinding({ path: TOTAL, line: 38 })] })).toBe('accepted');
      expect(verdict(modelFinding(eval39), { staticFindings: [staticFinding({ path: REPORT, line: 39 })] })).toBe('accepted');
    });

    it('refuses a finding whose fingerprint Argus already posted on the pull request', () => {
      const posted = new Set([computeFingerprint(TOTAL, 'llm/bug', Q17)]);
      expect(verdict(modelFinding(), { postedFingerprints: posted })).toBe('duplicate');
    });
  });

  describe('one reason per finding, the first in the order', () => {
    it.each([
      ['schema before unknown-path', { path: 'nope.ts', severity: 'fatal' }, 'schema'],
      ['unknown-path before anchoring', { path: 'nope.ts', confidence: 0.1 }, 'unknown-path'],
      ['anchoring before low-confidence', { quote: 'nothing like it', confidence: 0.1 }, 'quote-mismatch'],
      ['low-confidence before below-threshold', { confidence: 0.1, severity: 'info' }, 'low-confidence'],
      ['below-threshold before duplicate', { severity: 'info' }, 'below-threshold'],
    ])('%s', (_name, over, reason) => {
      const posted = new Set([computeFingerprint(TOTAL, 'llm/bug', Q17)]);
      expect(verdict(modelFinding(over), { postedFingerprints: posted })).toBe(reason);
    });
  });

  describe('suggestions', () => {
    it('keeps a suggestion that changes the code and leaves the file parsable', () => {
      const [f] = validateLlmFindings([modelFinding({ suggestion: '  const again = discounted;' })], cartContext()).accepted;
      expect(f!.suggestion).toBe('  const again = discounted;');
    });

    it('drops a no-op suggestion (identical to the lines it replaces) and keeps the finding', () => {
      const outcome = validateLlmFindings([modelFinding({ suggestion: `  ${Q17}` })], cartContext());
      expect(outcome.accepted).toHaveLength(1);
      expect(Object.hasOwn(outcome.accepted[0]!, 'suggestion')).toBe(false);
      expect(outcome.suggestionsDropped).toBe(1);
    });

    it('keeps a re-indentation: only identical text is a no-op', () => {
      const [f] = validateLlmFindings([modelFinding({ suggestion: `    ${Q17}` })], cartContext()).accepted;
      expect(f!.suggestion).toBe(`    ${Q17}`);
    });

    it('treats an empty suggestion as deleting the lines, and keeps it when the file still parses', () => {
      const [f] = validateLlmFindings([modelFinding({ suggestion: '' })], cartContext()).accepted;
      expect(f!.suggestion).toBe('');
    });

    it('checks the whole replaced range: deleting the closing brace breaks the file', () => {
      const outcome = validateLlmFindings(
        [modelFinding({ line: 39, endLine: 40, quote: `return eval('"' + cart.coupon + '"');`, category: 'security', suggestion: '  return cart.coupon;' })],
        cartContext(),
      );
      expect(outcome.accepted).toHaveLength(1);
      expect(outcome.suggestionsDropped).toBe(1);
    });

    it('parses with the static pass options: JSX is a syntax error in .ts and fine in .tsx', () => {
      const files = parseDiff(
        [
          'diff --git a/src/view.tsx b/src/view.tsx',
          'new file mode 100644',
          'index 0000000..1111111',
          '--- /dev/null',
          '+++ b/src/view.tsx',
          '@@ -0,0 +1,3 @@',
          '+export function View({ name }: { name: string }) {',
          '+  return name;',
          '+}',
          '',
        ].join('\n'),
      );
      const tsx = { diff: files[0]!, lines: ['export function View({ name }: { name: string }) {', '  return name;', '}'] };
      const ctx = cartContext();
      const withTsx = { ...ctx, files: new Map([...ctx.files, ['src/view.tsx', tsx]]) };
      const jsx = '  return <b>{name}</b>;';
      const outcome = validateLlmFindings(
        [
          modelFinding({ path: 'src/view.tsx', line: 2, quote: 'return name;', suggestion: jsx }),
          modelFinding({ suggestion: '  const again = <b>{discounted}</b>;' }),
        ],
        withTsx,
      );
      expect(outcome.accepted.map((f) => f.suggestion)).toEqual([jsx, undefined]);
      expect(outcome.suggestionsDropped).toBe(1);
    });

    it('keeps a suggestion unchecked when the file does not parse even before it', () => {
      const files = parseDiff(
        ['diff --git a/a.js b/a.js', 'new file mode 100644', '--- /dev/null', '+++ b/a.js', '@@ -0,0 +1,2 @@', '+const a = {;', '+run(a);', ''].join('\n'),
      );
      const ctx = { ...cartContext(), files: new Map([['a.js', { diff: files[0]!, lines: ['const a = {;', 'run(a);'] }]]) };
      const [f] = validateLlmFindings([modelFinding({ path: 'a.js', line: 2, quote: 'run(a);', suggestion: 'run(a' })], ctx).accepted;
      expect(f!.suggestion).toBe('run(a');
    });

    it('does not parse other languages', () => {
      const [f] = validateLlmFindings(
        [modelFinding({ path: REPORT, line: 5, quote: 'path = sys.argv[1]', suggestion: '    path = (((' })],
        cartContext(),
      ).accepted;
      expect(f!.suggestion).toBe('    path = (((');
    });
  });
});
