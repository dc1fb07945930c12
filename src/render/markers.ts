/** Hidden first line of the summary comment; the publisher finds its previous summary by it and edits in place. */
export const SUMMARY_MARKER = '<!-- argus:summary -->';

/**
 * Hidden last line of a line comment, so a re-run can tell which findings are already posted.
 * The fingerprint is percent-encoded so it can never close the HTML comment (`-->`) early.
 */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- argus:fp=${encodeURIComponent(fingerprint)} -->`;
}
