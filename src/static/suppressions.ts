/** The inline suppression marker: `// argus-ignore-next-line <rule-id>[, <rule-id>] -- reason`. */
const MARKER = /argus-ignore-next-line(?:[ \t]+([a-z0-9][a-z0-9/._, \t-]*?))?[ \t]*(?:--.*)?$/;

/**
 * True when the line before `line` (1-based) suppresses `ruleId`: it holds the marker with that id, or
 * with no id at all (every rule). Works in any comment syntax (`//`, `#`, `--`, `/* *\/`), since the
 * marker is looked for as text.
 */
export function isSuppressed(lines: readonly string[], line: number, ruleId: string): boolean {
  const previous = lines[line - 2];
  if (previous === undefined || !previous.includes('argus-ignore-next-line')) return false;
  const m = MARKER.exec(previous.replace(/\s*\*\/\s*$/, ''));
  if (!m) return false;
  if (m[1] === undefined || m[1].trim() === '') return true;
  return m[1].split(/[\s,]+/).includes(ruleId);
}
