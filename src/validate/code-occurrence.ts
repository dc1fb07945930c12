import { normaliseCode } from '../findings/fingerprint.js';

/**
 * How many times the code at `line..endLine` (whitespace-insensitive) already occurs earlier in the file,
 * as a range of the same length starting on an earlier line: the `occurrence` of `computeFingerprint`.
 * It keeps two identical lines apart, and, being counted over the file rather than over the findings,
 * stays the same from one run to the next whatever else the model reports.
 */
export function codeOccurrence(lines: readonly string[], line: number, endLine: number): number {
  const span = endLine - line + 1;
  const code = normaliseCode(lines.slice(line - 1, endLine).join('\n'));
  let count = 0;
  for (let start = 1; start < line; start++) {
    if (normaliseCode(lines.slice(start - 1, start - 1 + span).join('\n')) === code) count++;
  }
  return count;
}
