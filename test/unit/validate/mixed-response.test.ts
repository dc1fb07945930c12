import { describe, expect, it } from 'vitest';
import { computeFingerprint } from '../../../src/findings/fingerprint.js';
import { applyCommentLimit, parseModelContent, validateLlmFindings } from '../../../src/validate/index.js';
import { cartContext, readLlmFixture, REPORT, staticFinding, TOTAL } from './llm-fixtures.js';

/*
 * fixtures/llm/mixed-response.json answers fixtures/llm/cart-request.json. Its 15 findings, by index:
 *  0 valid                          5 outside-diff (line 23, between the hunks)    10 duplicate of the static finding on 39
 *  1 valid, line 30 -> moved to 32  6 quote-mismatch (quotes the deleted line)      11 duplicate of a posted comment
 *  2 valid, suggestion unparsable   7 low-confidence (also below threshold)         12 valid, Python, suggestion kept
 *  3 schema (severity "blocker")    8 below-threshold                               13 valid, lines 38-40, multi-line quote
 *  4 unknown-path                   9 duplicate of #0 (same code, other words)      14 outside-diff (20..23 leaves the hunk)
 */
describe('a model response mixing valid findings with every rejection reason', () => {
  const posted = computeFingerprint(REPORT, 'llm/security', '    with open(path) as f:');
  const ctx = cartContext({
    staticFindings: [staticFinding({ path: TOTAL, line: 39 })],
    postedFingerprints: new Set([posted]),
    confidenceFloor: 0.5,
    minSeverity: 'low',
  });
  const parsed = parseModelContent(readLlmFixture('mixed-response'));
  if (!parsed.ok) throw new Error(parsed.error);
  const outcome = validateLlmFindings(parsed.findings, ctx);

  it('accepts exactly the valid findings, at their final lines, as llm Findings', () => {
    expect(parsed.findings).toHaveLength(15);
    expect(outcome.accepted.map((f) => [f.path, f.line, f.endLine, f.ruleId, f.title, f.suggestion])).toEqual([
      [TOTAL, 17, 17, 'llm/bug', 'Discount applied twice', undefined],
      [TOTAL, 32, 32, 'llm/bug', 'Loop reads one item past the end', '  for (let i = 0; i < cart.items.length; i++) {'],
      [TOTAL, 33, 33, 'llm/bug', 'Loose equality on ids', undefined],
      [REPORT, 7, 7, 'llm/performance', 'Whole file read into memory', '        for line in f:\n            print(line, end="")'],
      [
        TOTAL,
        38,
        40,
        'llm/maintainability',
        'eval() is not needed to read a string',
        'export function couponCode(cart: Cart): string {\n  return cart.coupon;\n}',
      ],
    ]);
  });

  it('builds each Finding field from the model finding, the fingerprint from the code at the final lines', () => {
    expect(outcome.accepted[1]).toEqual({
      path: TOTAL,
      line: 32,
      endLine: 32,
      severity: 'high',
      category: 'bug',
      source: 'llm',
      ruleId: 'llm/bug',
      title: 'Loop reads one item past the end',
      message: '`i <= cart.items.length` visits index `length`, where `cart.items[i]!` is undefined and `.id` throws a TypeError.',
      suggestion: '  for (let i = 0; i < cart.items.length; i++) {',
      confidence: 0.85,
      fingerprint: computeFingerprint(TOTAL, 'llm/bug', '  for (let i = 0; i <= cart.items.length; i++) {'),
    });
    expect(Object.hasOwn(outcome.accepted[2]!, 'suggestion')).toBe(false);
    expect(outcome.accepted[4]!.fingerprint).toBe(
      computeFingerprint(
        TOTAL,
        'llm/maintainability',
        "export function couponCode(cart: Cart): string {\n  return eval('\"' + cart.coupon + '\"');\n}",
      ),
    );
  });

  it('moves the finding whose quote is 2 lines below the line it named, and records the move', () => {
    expect(outcome.moved).toEqual([{ path: TOTAL, from: 30, to: 32 }]);
  });

  it('drops the suggestion that would break the syntax and keeps its finding', () => {
    expect(outcome.suggestionsDropped).toBe(1);
    expect(outcome.accepted[2]!.title).toBe('Loose equality on ids');
  });

  it('refuses every other finding with exactly one reason, naming what the model named', () => {
    expect(outcome.rejected).toEqual([
      { source: 'llm', reason: 'schema', path: TOTAL, line: 18, title: 'Tax computed on the wrong amount' },
      { source: 'llm', reason: 'unknown-path', path: 'src/cart/discount.ts', line: 3, title: 'Coupon is not validated' },
      { source: 'llm', reason: 'outside-diff', path: TOTAL, line: 23, title: 'Names are mapped on every call' },
      { source: 'llm', reason: 'quote-mismatch', path: TOTAL, line: 18, title: 'Tax applied to the undiscounted amount' },
      { source: 'llm', reason: 'low-confidence', path: TOTAL, line: 44, title: 'sort() mutates the array' },
      { source: 'llm', reason: 'below-threshold', path: TOTAL, line: 19, title: 'Use a rounding helper' },
      { source: 'llm', reason: 'duplicate', path: TOTAL, line: 17, title: 'applyDiscount is called a second time' },
      { source: 'llm', reason: 'duplicate', path: TOTAL, line: 39, title: 'eval() on the coupon code' },
      { source: 'llm', reason: 'duplicate', path: REPORT, line: 6, title: 'Reads any file named on the command line' },
      { source: 'llm', reason: 'outside-diff', path: TOTAL, line: 20, title: 'describeCart should reuse itemNames' },
    ]);
    expect(outcome.accepted.length + outcome.rejected.length).toBe(parsed.findings.length);
  });

  it('counts the rejections per reason', () => {
    expect(outcome.counts).toEqual({
      schema: 1,
      'unknown-path': 1,
      'outside-diff': 2,
      'quote-mismatch': 1,
      'low-confidence': 1,
      'below-threshold': 1,
      duplicate: 3,
      'over-limit': 0,
    });
  });

  it('then caps the review: the least severe, then least confident, findings become over-limit', () => {
    const { kept, rejected } = applyCommentLimit(outcome.accepted, 3);
    expect(kept.map((f) => [f.path, f.line])).toEqual([
      [TOTAL, 17],
      [TOTAL, 32],
      [TOTAL, 33],
    ]);
    expect(rejected).toEqual([
      { source: 'llm', reason: 'over-limit', path: REPORT, line: 7, title: 'Whole file read into memory' },
      { source: 'llm', reason: 'over-limit', path: TOTAL, line: 38, title: 'eval() is not needed to read a string' },
    ]);
  });
});
