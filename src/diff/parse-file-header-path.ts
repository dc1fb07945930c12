import { unquotePath } from './unquote-path.js';

/**
 * The path named by a `---` or `+++` line, given the text after the marker and the prefix to strip
 * (`a/` or `b/`, or '' for `--no-prefix` and plain diffs). Returns null for `/dev/null`.
 * Text after a tab is dropped: GNU diff puts a timestamp there, and git adds a tab after paths with spaces.
 */
export function parseFileHeaderPath(value: string, prefix: string): string | null {
  let path: string;
  if (value.startsWith('"')) {
    path = unquotePath(value)?.path ?? value;
  } else {
    const tab = value.indexOf('\t');
    path = tab < 0 ? value : value.slice(0, tab);
  }
  if (path === '/dev/null') return null;
  return prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
