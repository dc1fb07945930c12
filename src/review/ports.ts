/** A changed file's new content as a port delivers it. */
export type FileContent =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'non-utf8' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'missing'; detail: string };

/**
 * Where the pipeline reads new-file contents from: the local working tree or a git object (local/),
 * or the GitHub API at the head SHA (github/). Implementations decode with `decodeContent`.
 */
export interface ContentPort {
  readNewFile(path: string): Promise<FileContent>;
}
