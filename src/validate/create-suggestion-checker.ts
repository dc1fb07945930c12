import { parse } from '@typescript-eslint/typescript-estree';
import { astParseOptions, isAstAnalysable } from '../static/analyze-file.js';

/** What becomes of a suggestion: kept, or dropped as a no-op or because the file would no longer parse. */
export type SuggestionVerdict = 'keep' | 'no-op' | 'unparsable';

/** Judges a suggestion that replaces new-file lines `line..endLine` of `path`. */
export type SuggestionChecker = (path: string, line: number, endLine: number, suggestion: string) => SuggestionVerdict;

/**
 * Returns a checker over the new files' lines (index 0 is line 1). A suggestion identical to the lines it
 * replaces is a `no-op`. For a JS/TS file (`isAstAnalysable`) the file with the suggestion applied must parse
 * with the static pass's typescript-estree options, else `unparsable`; when the file does not parse even
 * before the change (syntax the parser does not know, e.g. Flow), nothing can be judged and it is kept.
 * Other languages are kept unchecked. An empty suggestion deletes the lines. Whether the unchanged file
 * parses is worked out once per path.
 */
export function createSuggestionChecker(linesOf: (path: string) => readonly string[]): SuggestionChecker {
  const parsesBefore = new Map<string, boolean>();
  return (path, line, endLine, suggestion) => {
    const lines = linesOf(path);
    if (suggestion === lines.slice(line - 1, endLine).join('\n')) return 'no-op';
    if (!isAstAnalysable(path)) return 'keep';
    let before = parsesBefore.get(path);
    if (before === undefined) {
      before = parses(path, lines.join('\n'));
      parsesBefore.set(path, before);
    }
    if (!before) return 'keep';
    const replacement = suggestion === '' ? [] : suggestion.split('\n');
    const after = [...lines.slice(0, line - 1), ...replacement, ...lines.slice(endLine)].join('\n');
    return parses(path, after) ? 'keep' : 'unparsable';
  };
}

function parses(path: string, text: string): boolean {
  try {
    parse(text, astParseOptions(path));
    return true;
  } catch {
    return false;
  }
}
