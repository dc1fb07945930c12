/** Languages the ast-grep pass reads, by the name ast-grep registers them under. */
export const LANG_IDS = ['python', 'go', 'java'] as const;
/** One of `LANG_IDS`. */
export type LangId = (typeof LANG_IDS)[number];

const BY_EXTENSION: ReadonlyMap<string, LangId> = new Map([
  ['.py', 'python'],
  ['.pyw', 'python'],
  ['.go', 'go'],
  ['.java', 'java'],
]);

/** The ast-grep language for `path` by its extension, or null when the ast-grep pass does not read it. */
export function languageOf(path: string): LangId | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? null : (BY_EXTENSION.get(base.slice(dot).toLowerCase()) ?? null);
}
