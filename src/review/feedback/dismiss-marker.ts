import { RULE_ID_PATTERN } from '../../config/index.js';

/** `<!-- argus:dismissed=<fingerprint> rule=<rule-id> -->`; the fingerprint percent-encoded like `argus:fp`. */
const DISMISS_LINE = /^<!-- argus:dismissed=([A-Za-z0-9\-_.!~*'()%]+) rule=(\S+) -->$/;

/** A dismissal recorded in a hidden marker. */
export interface DismissMarker {
  fingerprint: string;
  ruleId: string;
}

/**
 * The hidden marker of a dismissal, the last line of Argus's reply to `/argus dismiss`. The fingerprint is
 * percent-encoded so it can never close the HTML comment early; a rule id cannot contain `>` or spaces.
 *
 * @throws Error when `ruleId` is not a rule id: the marker could not be read back.
 */
export function dismissMarker(fingerprint: string, ruleId: string): string {
  if (!RULE_ID_PATTERN.test(ruleId)) throw new Error(`cannot record a dismissal of rule ${JSON.stringify(ruleId)}: not a rule id (see RULE_ID_PATTERN)`);
  return `<!-- argus:dismissed=${encodeURIComponent(fingerprint)} rule=${ruleId} -->`;
}

/**
 * The dismissal a comment body records, or null. Only a marker on the last non-blank line counts (Argus
 * writes it there), so a marker quoted higher up is ignored. Contract: `body` is a comment Argus authored;
 * anyone can type a marker into their own comment, and only the caller's author check keeps that out.
 */
export function parseDismissMarker(body: string): DismissMarker | null {
  const last = body.trimEnd().split(/\r?\n/).pop()?.trim() ?? '';
  const match = DISMISS_LINE.exec(last);
  if (match === null) return null;
  const [, encoded, ruleId] = match as unknown as [string, string, string];
  let fingerprint: string;
  try {
    fingerprint = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  if (fingerprint === '' || encodeURIComponent(fingerprint) !== encoded || !RULE_ID_PATTERN.test(ruleId)) return null;
  return { fingerprint, ruleId };
}
