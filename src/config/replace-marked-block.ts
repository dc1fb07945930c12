/**
 * Returns `text` with what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->` replaced by
 * `content`; the markers and everything outside them are kept byte for byte. Idempotent.
 *
 * @param what - what the block holds, for the error message ("configuration table").
 * @param fileName - used in the error message only.
 * @throws Error - when the markers are missing, repeated or out of order, saying how to add them.
 */
export function replaceMarkedBlock(text: string, name: string, content: string, what: string, fileName: string): string {
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const starts = text.split(startMarker).length - 1;
  const ends = text.split(endMarker).length - 1;
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (starts !== 1 || ends !== 1 || end < start) {
    throw new Error(
      `${fileName}: expected exactly one "${startMarker}" followed by one "${endMarker}" ` +
        `(found ${starts} start and ${ends} end marker${ends === 1 ? '' : 's'}${starts === 1 && ends === 1 ? ', in the wrong order' : ''}): ` +
        `put the two markers on their own lines where the ${what} belongs, then run npm run gen:schema`,
    );
  }
  return `${text.slice(0, start + startMarker.length)}\n${content}\n${text.slice(end)}`;
}
