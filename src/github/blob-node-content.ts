import { MAX_FILE_BYTES } from '../review/decode-content.js';
import type { FileContent } from '../review/ports.js';
import type { BlobNode } from './build-blob-query.js';

/** What a GraphQL blob answer says about a file: its content, or that the exact bytes must be read (by `oid`). */
export type BlobNodeVerdict = FileContent | { kind: 'read-bytes'; oid: string };

/**
 * Maps one GraphQL `object` to a {@link FileContent} the way `decodeContent` would classify the bytes, or asks
 * for the bytes when GraphQL cannot tell: its `text` is cut at 512,000 bytes, and it decodes invalid UTF-8
 * lossily (U+FFFD), so a text holding U+FFFD is re-read through the REST blob API to tell a Latin-1 file from
 * a real replacement character.
 */
export function blobNodeContent(node: BlobNode, where: string): BlobNodeVerdict {
  if (node === null) return { kind: 'missing', detail: `${where} does not exist` };
  if (node.__typename !== 'Blob') {
    return { kind: 'missing', detail: `${where} is a ${node.__typename === 'Tree' ? 'directory' : node.__typename === 'Commit' ? 'submodule' : 'tag'}, not a file` };
  }
  if (node.byteSize > MAX_FILE_BYTES) return { kind: 'too-large', bytes: node.byteSize };
  if (node.isBinary) return { kind: 'binary' };
  if (node.text === null || node.isTruncated || node.text.includes('\uFFFD')) return { kind: 'read-bytes', oid: node.oid };
  // git's rule, as decodeContent applies it: a NUL in the first 8000 bytes means binary.
  if (node.text.slice(0, 8000).includes('\0')) return { kind: 'binary' };
  // decodeContent drops a UTF-8 BOM; GraphQL keeps it.
  return { kind: 'text', text: node.text.startsWith('\uFEFF') ? node.text.slice(1) : node.text };
}
