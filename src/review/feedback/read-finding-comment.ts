import { RULE_ID_PATTERN } from '../../config/index.js';
import { parseFingerprints } from '../publish/parse-fingerprints.js';

/** The rule id at the end of a line comment's first line: `<emoji> **high** · security · \`rule-id\``. */
const HEADER_RULE = / · (`+) ?([^`]+?) ?\1\s*$/;

/** The finding an Argus line comment is about. */
export interface FindingComment {
  fingerprint: string;
  ruleId: string;
}

/**
 * The fingerprint (hidden last-line marker) and rule id (the header line `renderLineComment` writes) of an
 * Argus line comment; null when the body is not one. Contract: `body` is a comment Argus authored.
 */
export function readFindingComment(body: string): FindingComment | null {
  const [fingerprint] = parseFingerprints([body]);
  if (fingerprint === undefined) return null;
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  const ruleId = HEADER_RULE.exec(first)?.[2];
  return ruleId !== undefined && RULE_ID_PATTERN.test(ruleId) ? { fingerprint, ruleId } : null;
}
