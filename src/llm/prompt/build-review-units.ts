import type { DiffLine } from '../../diff/types.js';
import { isAstAnalysable } from '../../static/analyze-file.js';
import { fileSkipReason } from './file-skip-reason.js';
import { functionRanges } from './function-ranges.js';
import { planUnitGroups } from './plan-unit-groups.js';
import { redactLines } from '../../static/secrets/index.js';
import { renderUnitRows } from './render-unit-rows.js';
import type { ReviewFile, ReviewUnitsResult } from './review-unit.js';
import { splitUnit } from './split-unit.js';

/** How units are cut. Only `maxUnitTokens` is required. */
export interface BuildUnitsOptions {
  /** Most tokens one unit may have: the request budget minus the fixed prompt (`fixedPromptTokens`). */
  maxUnitTokens: number;
  /** Largest enclosing function shown whole (JS/TS). Default 80. */
  maxFunctionLines?: number;
  /** Lines shown around a hunk when no function is shown. Default 5. */
  contextLines?: number;
  /** Hunks at most this many lines apart share a unit. Default 5. */
  mergeGap?: number;
  /** Paths not to send; defaults to the config's default excludes. */
  isExcludedPath?: (path: string) => boolean;
}

/** Defaults of {@link BuildUnitsOptions}. */
export const UNIT_DEFAULTS = { maxFunctionLines: 80, contextLines: 5, mergeGap: 5 } as const;

/**
 * Turns a changed file into review units (see `ReviewUnit`), or says why the model should not read it.
 * The new file and the deleted lines are each scanned for secrets once and every secret is redacted
 * before any text is rendered. JS/TS files are parsed once to find enclosing functions; a file that does
 * not parse gets lines around each hunk instead. A unit over `maxUnitTokens` is split by lines.
 */
export function buildReviewUnits(file: ReviewFile, options: BuildUnitsOptions): ReviewUnitsResult {
  const { diff } = file;
  const skipReason = fileSkipReason(file, options.isExcludedPath);
  if (skipReason) return { units: [], skipReason };

  const newLines = completeNewLines(file);
  const newText = redactLines(newLines);
  const deleted: DiffLine[] = diff.hunks.flatMap((h) => h.lines.filter((l) => l.kind === 'del'));
  const deletedRedacted = redactLines(deleted.map((l) => l.content));
  const deletedText = new Map(deleted.map((line, i) => [line, deletedRedacted[i]!]));

  const functions = isAstAnalysable(diff.path) ? functionRanges(diff.path, newLines.join('\n')) : null;
  const groups = planUnitGroups(diff.hunks, {
    lineCount: newLines.length,
    functions,
    maxFunctionLines: options.maxFunctionLines ?? UNIT_DEFAULTS.maxFunctionLines,
    contextLines: options.contextLines ?? UNIT_DEFAULTS.contextLines,
    mergeGap: options.mergeGap ?? UNIT_DEFAULTS.mergeGap,
  });
  const units = groups.flatMap((group) => splitUnit(diff, renderUnitRows(group, newText, deletedText), options.maxUnitTokens));
  return { units, skipReason: null };
}

/**
 * The new file's lines, with any line the hunks name past the end of `file.lines` taken from the diff:
 * the two should agree, and a short `lines` must not make changed lines vanish from the prompt. The empty
 * string a final newline leaves after splitting is not a line.
 */
function completeNewLines(file: ReviewFile): readonly string[] {
  const given = file.lines.at(-1) === '' ? file.lines.slice(0, -1) : file.lines;
  let last = given.length;
  for (const hunk of file.diff.hunks) for (const line of hunk.lines) if (line.newLine !== null && line.newLine > last) last = line.newLine;
  if (last === given.length) return given;
  const lines = [...given];
  for (let i = lines.length; i < last; i++) lines.push('');
  for (const hunk of file.diff.hunks) {
    for (const line of hunk.lines) if (line.newLine !== null && line.newLine > given.length) lines[line.newLine - 1] = line.content;
  }
  return lines;
}
