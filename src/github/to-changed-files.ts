import { parseGithubFile, type GithubFileEntry } from '../diff/parse-github-file.js';
import type { DiffFile } from '../diff/types.js';
import type { ChangedFiles } from '../review/github-port.js';
import type { PortLog } from './port-log.js';

/**
 * Parses GitHub's file entries (PR files or compare API) into a {@link ChangedFiles}; `truncated` when GitHub
 * listed `limit` files, its cap. An entry that does not parse (a malformed patch, an unknown status) is kept as a
 * file without hunks (`noPatch: 'patch-missing'`) and logged: the file stays visible as "not reviewed" instead of
 * vanishing, and one bad entry never loses the others.
 */
export function toChangedFiles(entries: readonly GithubFileEntry[], limit: number, log: PortLog): ChangedFiles {
  return { files: entries.map((entry) => parseEntry(entry, log)), truncated: entries.length >= limit };
}

function parseEntry(entry: GithubFileEntry, log: PortLog): DiffFile {
  try {
    return parseGithubFile(entry);
  } catch (err) {
    log.warn({ path: entry.filename, status: entry.status, reason: (err as Error).message }, 'GitHub file entry not parsed; kept without hunks');
  }
  const { filename, additions, deletions } = entry;
  try {
    return parseGithubFile({ ...entry, patch: null });
  } catch {
    // The status itself is unusable (unknown, or a rename without its old name): "modified" is the honest minimum.
    return parseGithubFile({ filename, status: 'modified', patch: null, additions, deletions });
  }
}
