import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';

/** Larger than any sensible config (instructions are capped at 4000 characters); refuse before parsing. */
export const MAX_CONFIG_LENGTH = 100_000;

/** Bounds alias expansion, so a small file cannot expand into a huge value ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** yaml's messages end with " at line 3, column 5:" and a code frame; the position is reported separately. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses the text of a config file into plain data, without validating it. An empty file, or one with only
 * comments, gives `null`. Throws a `ConfigError` with a line and column for every YAML syntax error.
 */
export function readConfigYaml(text: string, source: string): unknown {
  if (text.length > MAX_CONFIG_LENGTH) {
    throw new ConfigError(source, [
      `${source}: the file is ${text.length} characters long, more than the limit of ${MAX_CONFIG_LENGTH}: shorten it`,
    ]);
  }
  // logLevel 'error': yaml would otherwise print warnings (e.g. about collection keys) through process.emitWarning.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : 'unknown position';
      // One parse error often cascades into more at the same spot; the first one is the useful one.
      if (seen.has(where)) continue;
      seen.add(where);
      lines.push(`${source}: ${where}: YAML syntax error: ${firstLine(error.message)}`);
    }
    throw new ConfigError(source, lines);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (err) {
    // Unresolved or excessive aliases only surface when converting.
    throw new ConfigError(source, [`${source}: ${err instanceof Error ? err.message : String(err)}`]);
  }
}
