import { SUMMARY_MARKER } from '../../render/markers.js';

/**
 * The state the summary comment carries between runs, so Argus needs no database. Later fields are added
 * here as optional-to-read keys; an unknown key in an old comment is ignored.
 */
export interface SummaryState {
  /** The head commit the last published review covered; null when unknown (review the whole pull request). */
  reviewedSha: string | null;
  /**
   * Automatic reviews of this pull request are paused (`/argus pause`); commands still run. Absent means not
   * paused, so state written before the flag existed reads the same.
   */
  paused?: boolean;
}

/** A full commit id: SHA-1 (40 hex digits) or SHA-256 (64) repositories. Short or symbolic refs are not state. */
export const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** One hidden state line, `<!-- argus:<key>=<value> -->`; values are never blank and never contain spaces. */
const STATE_LINE = /^<!-- argus:([a-z][a-z-]*)=(\S+) -->$/;

/** The hidden state line for `key`; `value` must not contain whitespace. */
export function stateLine(key: string, value: string): string {
  return `<!-- argus:${key}=${value} -->`;
}

/** The summary split into its hidden header (the state lines, by key) and the visible rest. */
export interface SplitSummary {
  /** null when the body does not start with SUMMARY_MARKER: no header at all. */
  state: Array<{ key: string; value: string }> | null;
  /** Everything after the header, unchanged. */
  rest: string;
}

/**
 * Splits a summary body into its header and the rest. The header is SUMMARY_MARKER on the first line and the
 * state lines right after it; it ends at the first other line. Only the header counts: Argus writes its state
 * there and nowhere else, so a marker further down (quoted by a human, inside a code block, in a finding's
 * title) is never read as state.
 */
export function splitSummary(body: string): SplitSummary {
  // Editing a comment in GitHub's web UI turns line ends into CRLF.
  const lines = body.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== SUMMARY_MARKER) return { state: null, rest: body };
  const state: Array<{ key: string; value: string }> = [];
  let i = 1;
  for (; i < lines.length; i++) {
    const match = STATE_LINE.exec(lines[i]!.trimEnd());
    if (match === null) break;
    state.push({ key: match[1]!, value: match[2]! });
  }
  return { state, rest: lines.slice(i).join('\n') };
}
