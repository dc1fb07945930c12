/**
 * A repository configuration that cannot be used. The message has one line per problem, each naming the
 * file, the key and what is expected, so it can be shown to the repository owner as is.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** One line per problem, in the order the keys appear in the file; `message` is these joined by newlines. */
  readonly issues: string[];
  /** The file the problems are in, as given to `parseConfig`. */
  readonly source: string;

  /** @param issues - complete lines, each already prefixed with `source`. */
  constructor(source: string, issues: string[]) {
    super(issues.join('\n'));
    this.source = source;
    this.issues = issues;
  }
}
