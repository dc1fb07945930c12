import type { FileDraft } from './file-draft.js';
import { unquotePath } from './unquote-path.js';

/**
 * Reads one of git's extended header lines (between `diff --git` and `---`) into `file`; ignores anything else
 * (`similarity index`, `dissimilarity index`, unknown lines). See `git help diff`, "Generating patch text with -p".
 */
export function readExtendedHeader(line: string, file: FileDraft): void {
  if (line.startsWith('index ')) {
    // `index abc..def 100644`: the mode is written here only when it did not change.
    const space = line.indexOf(' ', 6);
    if (space > 0 && file.oldMode === null && file.newMode === null) file.oldMode = file.newMode = line.slice(space + 1);
  } else if (line.startsWith('new file mode ')) {
    file.created = true;
    file.newMode = line.slice(14);
  } else if (line.startsWith('deleted file mode ')) {
    file.deleted = true;
    file.oldMode = line.slice(18);
  } else if (line.startsWith('old mode ')) {
    file.oldMode = line.slice(9);
  } else if (line.startsWith('new mode ')) {
    file.newMode = line.slice(9);
  } else if (line.startsWith('rename from ')) {
    file.renameFrom = headerPath(line.slice(12));
  } else if (line.startsWith('rename to ')) {
    file.renameTo = headerPath(line.slice(10));
  } else if (line.startsWith('copy from ')) {
    file.copyFrom = headerPath(line.slice(10));
  } else if (line.startsWith('copy to ')) {
    file.copyTo = headerPath(line.slice(8));
  } else if (line.startsWith('Binary files ')) {
    file.binary = true;
  } else if (line === 'GIT binary patch') {
    // The base85 data that follows starts with a letter and has no spaces, so no line of it matches a header.
    file.binary = true;
  }
}

/** Rename and copy lines carry the path without a/ or b/, quoted when it has special characters. */
function headerPath(value: string): string {
  return value.startsWith('"') ? (unquotePath(value)?.path ?? value) : value;
}
