/**
 * A diff that cannot be parsed: garbage, a truncated hunk, or a hunk header that does not parse.
 * The message is one line saying what is wrong, where (1-based line of the diff text, and the file), and what to pass instead.
 */
export class DiffParseError extends Error {
  override name = 'DiffParseError';
}
