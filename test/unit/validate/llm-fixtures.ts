import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDiff } from '../../../src/diff/index.js';
import type { Finding } from '../../../src/findings/finding.js';
import { computeFingerprint } from '../../../src/findings/fingerprint.js';
import type { ValidationContext, ValidationFile } from '../../../src/validate/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'llm');

/** Model outputs in fixtures/llm/ (message contents, valid, malformed and adversarial). */
export type LlmFixtureName =
  | 'adversarial-findings'
  | 'duplicate-keys-envelope'
  | 'duplicate-keys-finding'
  | 'empty'
  | 'envelope-bare-array'
  | 'envelope-double-encoded'
  | 'envelope-extra-key'
  | 'envelope-findings-null'
  | 'envelope-findings-object'
  | 'envelope-findings-string'
  | 'envelope-nested'
  | 'mixed-response'
  | 'no-findings'
  | 'plain-text-fenced'
  | 'plain-text-prose'
  | 'plain-text-two-objects'
  | 'truncated'
  | 'valid-response';

/** The raw message content of a fixture, exactly as the model would have sent it. */
export function readLlmFixture(name: LlmFixtureName): string {
  return readFileSync(join(ROOT, `${name}.json`), 'utf8');
}

/** The findings array of a fixture that is a well-formed envelope. */
export function fixtureFindings(name: LlmFixtureName): unknown[] {
  return (JSON.parse(readLlmFixture(name)) as { findings: unknown[] }).findings;
}

export const TOTAL = 'src/cart/total.ts';
export const REPORT = 'scripts/report.py';

/**
 * The request every response fixture answers (fixtures/llm/cart-request.json): real `git diff` text, parsed,
 * and the new files' lines. Commentable: total.ts 14-21 and 29-45 (22-28 lie between the hunks, and line 23
 * is identical to line 43), report.py 2-10.
 */
export function cartRequestFiles(): Map<string, ValidationFile> {
  const request = JSON.parse(readFileSync(join(ROOT, 'cart-request.json'), 'utf8')) as {
    diff: string;
    files: Record<string, string>;
  };
  const files = new Map<string, ValidationFile>();
  for (const diff of parseDiff(request.diff)) {
    const text = request.files[diff.path];
    if (text === undefined) throw new Error(`cart-request.json has no new text for ${diff.path}`);
    const lines = text.replace(/\n$/, '').split('\n');
    // Guards the fixture itself: the diff's new side must be the file given next to it.
    for (const hunk of diff.hunks) {
      for (const l of hunk.lines) {
        if (l.newLine !== null && lines[l.newLine - 1] !== l.content) {
          throw new Error(`cart-request.json: ${diff.path}:${l.newLine} differs from the diff`);
        }
      }
    }
    files.set(diff.path, { diff, lines });
  }
  return files;
}

/** A static finding (already fingerprinted) for the duplicate checks. */
export function staticFinding(over: Partial<Finding> & Pick<Finding, 'path' | 'line'>): Finding {
  const base = {
    endLine: over.line,
    severity: 'critical',
    category: 'security',
    source: 'static',
    ruleId: 'code-injection',
    title: 'Code injection',
    message: 'eval receives data the caller controls.',
    confidence: 0.95,
  } as const;
  const f = { ...base, ...over };
  return { ...f, fingerprint: over.fingerprint ?? computeFingerprint(f.path, f.ruleId, f.title) };
}

/** A context over the cart request with permissive thresholds; override what a test is about. */
export function cartContext(over: Partial<ValidationContext> = {}): ValidationContext {
  return {
    files: cartRequestFiles(),
    staticFindings: [],
    postedFingerprints: new Set(),
    confidenceFloor: 0.5,
    minSeverity: 'low',
    ...over,
  };
}

/** A schema-valid model finding on total.ts line 17 (the double discount), with fields overridden. */
export function modelFinding(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    path: TOTAL,
    line: 17,
    endLine: null,
    quote: 'const again = applyDiscount(discounted, cart.coupon);',
    severity: 'high',
    category: 'bug',
    title: 'Discount applied twice',
    body: 'applyDiscount() already ran on the line above.',
    suggestion: null,
    confidence: 0.9,
    ...over,
  };
}
