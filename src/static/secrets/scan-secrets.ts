import { isPlaceholder } from './is-placeholder.js';
import { SECRET_PATTERNS } from './secret-patterns.js';
import { shannonEntropy } from './shannon-entropy.js';

/** One secret found in a text. `line` is 1-based, `column` 0-based, both pointing at the secret value. */
export interface SecretMatch {
  kind: string;
  title: string;
  line: number;
  column: number;
  value: string;
}

/** Assignments to secret-looking names: `password = "..."`, `apiKey: '...'`, `CLIENT_SECRET="..."`. */
const ASSIGNED_SECRET =
  /\b([A-Za-z0-9_]*(?:password|passwd|pwd|secret|token|api_?key|apikey|access_?key|private_?key|auth_?key|credentials?)[A-Za-z0-9_]*)["'`]?\s*(?:=|:|:=|=>)\s*(["'`])([^"'`\s]{8,200})\2/gi;

/** Names that hold something *about* a secret, not the secret: `secretName`, `private_key_path`, `password_hash`. */
const METADATA_NAME = /(?:name|path|url|uri|endpoint|file|dir|field|header|hash|id|label|type|prefix|length|pattern|regex|ttl|expires?(?:_?(?:at|in))?)$/i;

/** Bits per character above which a value assigned to a secret-looking name is reported. */
const MIN_ENTROPY = 3.5;

/**
 * Finds credentials in `text`. When `onlyLines` is given, only those 1-based lines are scanned
 * (the added lines of a diff). Provider formats win over the generic assigned-secret heuristic when
 * both match the same value, and earlier (more specific) formats over later ones.
 */
export function scanSecrets(text: string, onlyLines?: ReadonlySet<number>): SecretMatch[] {
  const matches: SecretMatch[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (onlyLines && !onlyLines.has(line)) return;
    if (lineText.length > 4000) lineText = lineText.slice(0, 4000); // minified blobs: bound the work
    const taken: Array<[number, number]> = [];
    const overlapsTaken = (start: number, end: number): boolean => taken.some(([s, e]) => start < e && end > s);
    for (const pattern of SECRET_PATTERNS) {
      pattern.regex.lastIndex = 0;
      for (const m of lineText.matchAll(pattern.regex)) {
        const value = m.groups?.secret ?? m[1] ?? m[0];
        const column = (m.index ?? 0) + secretOffset(m, value);
        if (overlapsTaken(column, column + value.length) || pattern.reject?.(value, m)) continue;
        taken.push([column, column + value.length]);
        matches.push({ kind: pattern.kind, title: pattern.title, line, column, value });
      }
    }
    for (const m of lineText.matchAll(ASSIGNED_SECRET)) {
      const value = m[3]!;
      const column = (m.index ?? 0) + m[0].lastIndexOf(value);
      if (overlapsTaken(column, column + value.length)) continue;
      if (METADATA_NAME.test(m[1]!) || isPlaceholder(value) || shannonEntropy(value) < MIN_ENTROPY) continue;
      matches.push({ kind: 'assigned-secret', title: `Hard-coded value for "${m[1]}"`, line, column, value });
    }
  });
  return matches;
}

/** Where the secret starts inside the match: the `d` flag is not set, so find the group by its position. */
function secretOffset(m: RegExpMatchArray, value: string): number {
  // The secret group is the last capture in every pattern, so the last occurrence is the right one
  // (`postgres://pw:pw@…` would otherwise point at the user name).
  return m[0].lastIndexOf(value);
}
