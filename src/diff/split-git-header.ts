import { unquotePath } from './unquote-path.js';

/** The two paths of a `diff --git` line, prefixes (`a/`, `b/`, or none with `--no-prefix`) removed. */
export interface GitHeaderPaths {
  oldPath: string;
  newPath: string;
  oldPrefix: string;
  newPrefix: string;
}

const PREFIXED = /^[^/]+\//;

/**
 * Splits `diff --git a/x b/y` into its paths. Quoted paths are decoded. Unquoted paths may contain spaces, which
 * makes `a/x y b/x y` ambiguous; it is resolved, as `git apply` does, only when both halves name the same file.
 * Returns null when the line cannot be split (a rename between paths with spaces): the caller then relies on the
 * `rename from`/`rename to` or `---`/`+++` lines that git always writes in that case.
 */
export function splitGitHeader(line: string): GitHeaderPaths | null {
  const rest = line.slice('diff --git '.length);
  let left: string;
  let right: string;
  if (rest.startsWith('"')) {
    const first = unquotePath(rest);
    if (!first || rest[first.end] !== ' ') return null;
    left = first.path;
    const second = rest.startsWith('"', first.end + 1) ? unquotePath(rest, first.end + 1) : null;
    right = second ? second.path : rest.slice(first.end + 1);
  } else if (rest.includes(' "')) {
    // An unquoted path never holds a double quote (git would have quoted it), so ` "` starts the second path.
    const at = rest.indexOf(' "');
    const second = unquotePath(rest, at + 1);
    if (!second) return null;
    left = rest.slice(0, at);
    right = second.path;
  } else if (rest.indexOf(' ') === rest.lastIndexOf(' ')) {
    const at = rest.indexOf(' ');
    if (at < 0) return null;
    left = rest.slice(0, at);
    right = rest.slice(at + 1);
  } else {
    const half = (rest.length - 1) / 2;
    if (!Number.isInteger(half) || rest[half] !== ' ') return null;
    left = rest.slice(0, half);
    right = rest.slice(half + 1);
  }
  if (left === right) return { oldPath: left, newPath: right, oldPrefix: '', newPrefix: '' };
  const oldPrefix = PREFIXED.exec(left)?.[0];
  const newPrefix = PREFIXED.exec(right)?.[0];
  if (oldPrefix === undefined || newPrefix === undefined) return null;
  const oldPath = left.slice(oldPrefix.length);
  const newPath = right.slice(newPrefix.length);
  // Halves split at the middle of a line with several spaces are only trusted when they agree.
  if (oldPath !== newPath && !rest.includes('"') && rest.indexOf(' ') !== rest.lastIndexOf(' ')) return null;
  return { oldPath, newPath, oldPrefix, newPrefix };
}
