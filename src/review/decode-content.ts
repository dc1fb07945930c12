import type { FileContent } from './ports.js';

/** Files larger than this are not analysed (a generated blob, not code anyone reviews by hand). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Classifies raw bytes the way git does (a NUL byte in the first 8000 bytes means binary) and decodes
 * UTF-8 strictly, so a Latin-1 file is reported as non-UTF-8 instead of analysed as mojibake.
 */
export function decodeContent(bytes: Uint8Array): FileContent {
  if (bytes.byteLength > MAX_FILE_BYTES) return { kind: 'too-large', bytes: bytes.byteLength };
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'non-utf8' };
  }
}
