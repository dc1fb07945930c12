import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/**
 * `scanSecrets` reads only the first 4000 characters of a line (src/static/secrets/scan-secrets.ts), so a
 * longer line could carry a secret past that point unseen: such lines are never sent.
 */
export const MAX_SENT_LINE_LENGTH = 4000;

/** How far below a private key header the END line is looked for. A 4096-bit RSA key is ~50 lines. */
const KEY_BLOCK_LINES = 200;

/** A line of a key body: base64, maybe quoted or concatenated (`"MIIE..." +`), or a PEM header field. */
const KEY_BODY_LINE = /^[\s"'`+]*(?:[A-Za-z0-9+/=]{16,}|(?:Proc-Type|DEK-Info|Comment):.*)[\s"'`+,;\\n]*$/;

const END_MARKER = /-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * `lines` with every secret `scanSecrets` finds replaced by `[REDACTED:<kind>]`, scanning the text once.
 * Two things `redactSecrets` alone would let through are handled here:
 * - a private key block: the scanner matches its BEGIN line only, so the body is redacted too, up to and
 *   including the END line (or, without an END line nearby, the rest of the BEGIN line and the base64
 *   lines after it);
 * - a line longer than {@link MAX_SENT_LINE_LENGTH}, which the scanner does not read to the end: it is
 *   replaced by a notice of its length.
 */
export function redactLines(lines: readonly string[]): string[] {
  const out = lines.map((line) => (line.length > MAX_SENT_LINE_LENGTH ? `[line not shown: ${line.length} characters]` : line));
  const byLine = new Map<number, SecretMatch[]>();
  for (const match of scanSecrets(lines.join('\n'))) {
    const index = match.line - 1;
    if (lines[index]!.length > MAX_SENT_LINE_LENGTH) continue;
    byLine.set(index, [...(byLine.get(index) ?? []), match]);
  }
  const keyBlocks: number[] = [];
  for (const [index, matches] of byLine) {
    let text = out[index]!;
    for (const m of [...matches].sort((a, b) => b.column - a.column)) {
      let end = m.column + m.value.length;
      if (m.kind === 'private-key') {
        const rest = text.slice(end);
        const sameLineEnd = END_MARKER.exec(rest);
        if (sameLineEnd) end += sameLineEnd.index + sameLineEnd[0].length;
        else {
          end = text.length;
          keyBlocks.push(index);
        }
      }
      text = `${text.slice(0, m.column)}[REDACTED:${m.kind}]${text.slice(end)}`;
    }
    out[index] = text;
  }
  for (const begin of keyBlocks) redactKeyBody(lines, out, begin);
  return out;
}

/** Redacts the lines after a BEGIN line that holds no END marker: through the END line, else the base64 run. */
function redactKeyBody(lines: readonly string[], out: string[], begin: number): void {
  const limit = Math.min(lines.length, begin + 1 + KEY_BLOCK_LINES);
  let endLine = -1;
  for (let i = begin + 1; i < limit; i++) {
    if (END_MARKER.test(lines[i]!)) {
      endLine = i;
      break;
    }
  }
  if (endLine !== -1) {
    for (let i = begin + 1; i < endLine; i++) out[i] = '[REDACTED:private-key]';
    // `out`, not `lines`: another secret after the marker may already be redacted on this line.
    const text = out[endLine]!;
    const end = END_MARKER.exec(text);
    out[endLine] = end ? `[REDACTED:private-key]${text.slice(end.index + end[0].length)}` : '[REDACTED:private-key]';
    return;
  }
  for (let i = begin + 1; i < limit && KEY_BODY_LINE.test(lines[i]!); i++) out[i] = '[REDACTED:private-key]';
}

/** Free text (PR title and body, repository instructions) redacted like code: see {@link redactLines}. */
export function redactText(text: string): string {
  return redactLines(text.split(/\r?\n/)).join('\n');
}
