import type { DiffFile } from '../diff/types.js';
import { countTokens } from '../llm/budget/index.js';
import { redactLines } from '../llm/prompt/index.js';

/** The diff as the `ask` prompt shows it, and the files left out to stay under the token budget. */
export interface QuestionDiff {
  text: string;
  omitted: string[];
}

/** Files named in the left-out note; the rest are counted (the note must not eat the budget). */
const MAX_OMITTED_NAMED = 30;

const MARK = { add: '+', del: '-', context: ' ' } as const;

/**
 * The pull request's diff for a question: per file a header and its hunks (`+`/`-`/space rows), every line
 * redacted. Files are added in order while they fit in `budgetTokens`; the others are listed as left out, so
 * the model can say what it did not see. Files without hunks (binary, too large) show why.
 */
export function formatDiffForQuestion(files: readonly DiffFile[], budgetTokens: number): QuestionDiff {
  const parts: string[] = [];
  const omitted: string[] = [];
  let used = 0;
  for (const file of files) {
    const header = `### File ${JSON.stringify(file.path)} (${file.status})`;
    const rows = file.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines.map((l) => MARK[l.kind] + l.content)]);
    const body = file.noPatch !== null ? `(no diff shown: ${file.noPatch})` : redactLines(rows).join('\n');
    const part = `${header}\n${body}`;
    const tokens = countTokens(part) + 1;
    if (used + tokens > budgetTokens) {
      omitted.push(file.path);
      continue;
    }
    used += tokens;
    parts.push(part);
  }
  if (omitted.length > 0) {
    const named = omitted.slice(0, MAX_OMITTED_NAMED).map((p) => JSON.stringify(p));
    if (omitted.length > MAX_OMITTED_NAMED) named.push(`and ${omitted.length - MAX_OMITTED_NAMED} more`);
    parts.push(`(${omitted.length} file(s) left out to fit the size limit: ${named.join(', ')})`);
  }
  return { text: parts.length > 0 ? parts.join('\n\n') : '(no changed files)', omitted };
}
