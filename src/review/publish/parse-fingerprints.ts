/** The marker `fingerprintMarker` writes: the fingerprint percent-encoded, so only URI-component characters. */
const FINGERPRINT_LINE = /^<!-- argus:fp=([A-Za-z0-9\-_.!~*'()%]+) -->$/;

/**
 * The fingerprints of the findings Argus already commented on, from review comment bodies. Only a marker on
 * the last non-blank line counts: Argus always writes it there, after any suggestion block has closed, so a
 * marker quoted in a reply or sitting inside code higher up is not taken for a posted finding. Malformed
 * markers (bad or non-canonical percent-encoding, empty) are ignored.
 */
export function parseFingerprints(bodies: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const body of bodies) {
    const last = body.trimEnd().split(/\r?\n/).pop()?.trim() ?? '';
    const encoded = FINGERPRINT_LINE.exec(last)?.[1];
    if (encoded === undefined) continue;
    const fingerprint = decode(encoded);
    // Re-encoding must give the marker back: anything else was not written by fingerprintMarker.
    if (fingerprint !== null && fingerprint !== '' && encodeURIComponent(fingerprint) === encoded) found.add(fingerprint);
  }
  return found;
}

function decode(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
