import { createHash } from 'node:crypto';
import type { Finding, RawFinding } from './finding.js';

/** Collapses whitespace so re-indentation or reflowed spacing keeps a finding's identity. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

/**
 * A finding's stable id: sha-256 of path, rule and the normalised code it points at, plus the
 * occurrence index among identical (path, rule, code) triples. The line number is deliberately not
 * part of it, so edits elsewhere in the file do not change it; the occurrence index keeps two
 * identical lines flagged by one rule apart.
 */
export function computeFingerprint(path: string, ruleId: string, code: string, occurrence = 0): string {
  return createHash('sha256')
    .update(`v1\0${path}\0${ruleId}\0${normaliseCode(code)}\0${occurrence}`)
    .digest('hex')
    .slice(0, 24);
}

/**
 * Gives every raw finding its fingerprint. `linesOf(path)` returns the new file's lines (index 0 is
 * line 1); when unknown, the finding's title stands in for the code.
 */
export function fingerprintFindings(
  raws: readonly RawFinding[],
  linesOf: (path: string) => readonly string[] | undefined,
): Finding[] {
  const ordered = raws
    .map((raw, index) => ({ raw, index }))
    .sort((a, b) => a.raw.path.localeCompare(b.raw.path) || a.raw.line - b.raw.line || a.index - b.index);
  const seen = new Map<string, number>();
  const out: Finding[] = new Array<Finding>(raws.length);
  for (const { raw, index } of ordered) {
    const lines = linesOf(raw.path);
    const code = lines ? lines.slice(raw.line - 1, raw.endLine).join('\n') : raw.title;
    const key = `${raw.path}\0${raw.ruleId}\0${normaliseCode(code)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[index] = { ...raw, fingerprint: computeFingerprint(raw.path, raw.ruleId, code, occurrence) };
  }
  return out;
}
