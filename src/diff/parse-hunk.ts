import { DiffParseError } from './diff-parse-error.js';
import { draftPath, type FileDraft } from './file-draft.js';
import type { DiffLine } from './types.js';

// An omitted count means 1 (`@@ -1 +1 @@`); the section is git's function context.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;

/**
 * Parses the hunk whose `@@` header is `lines[at]` into `file` (its hunks, line sets and counts) and returns the
 * index of the first line after it. The header's counts decide where the hunk ends, so a deleted line that reads
 * `-- x` or an added `++ y` is never mistaken for a file header. Throws `DiffParseError` when the header does not
 * parse or the body does not match its counts.
 */
export function parseHunk(lines: readonly string[], at: number, file: FileDraft): number {
  const header = lines[at]!;
  const m = HUNK_HEADER.exec(header);
  if (!m) throw badHeader(header, at, file);
  const oldStart = Number(m[1]);
  const oldLines = m[2] === undefined ? 1 : Number(m[2]);
  const newStart = Number(m[3]);
  const newLines = m[4] === undefined ? 1 : Number(m[4]);
  const out: DiffLine[] = [];
  const { addedLines, commentableLines } = file;
  let oldNo = oldStart;
  let newNo = newStart;
  let oldLeft = oldLines;
  let newLeft = newLines;
  let addedCount = 0;
  let j = at + 1;
  while (oldLeft > 0 || newLeft > 0) {
    if (j >= lines.length) {
      const [side, promised, got] = newLeft > 0 ? ['new', newLines, newLines - newLeft] : ['old', oldLines, oldLines - oldLeft];
      throw new DiffParseError(
        `truncated diff: the hunk at line ${at + 1} (${where(file)}) promises ${promised} ${side} lines but the diff ends after ${got}`,
      );
    }
    const line = lines[j]!;
    const c = line.charCodeAt(0);
    if (c === PLUS) {
      if (newLeft === 0) throw overflow('new', newLines, at, j, line, file);
      out.push({ kind: 'add', content: line.slice(1), oldLine: null, newLine: newNo });
      addedLines.add(newNo);
      commentableLines.add(newNo);
      addedCount++;
      newNo++;
      newLeft--;
    } else if (c === MINUS) {
      if (oldLeft === 0) throw overflow('old', oldLines, at, j, line, file);
      out.push({ kind: 'del', content: line.slice(1), oldLine: oldNo, newLine: null });
      oldNo++;
      oldLeft--;
    } else if (c === SPACE || line.length === 0) {
      // An empty line is a context line whose trailing space was stripped (by a mailer or an editor).
      if (oldLeft === 0) throw overflow('old', oldLines, at, j, line, file);
      if (newLeft === 0) throw overflow('new', newLines, at, j, line, file);
      out.push({ kind: 'context', content: line.slice(1), oldLine: oldNo, newLine: newNo });
      commentableLines.add(newNo);
      oldNo++;
      newNo++;
      oldLeft--;
      newLeft--;
    } else if (c !== BACKSLASH) {
      // Anything else ends the hunk early; `\ No newline at end of file` (localised by git) is not a line of either file.
      const [side, promised, got] = newLeft > 0 ? ['new', newLines, newLines - newLeft] : ['old', oldLines, oldLines - oldLeft];
      throw new DiffParseError(
        `truncated hunk: the hunk at line ${at + 1} (${where(file)}) promises ${promised} ${side} lines but line ${j + 1} ends it after ${got}: ${quote(line)}`,
      );
    }
    j++;
  }
  if (j < lines.length && lines[j]!.charCodeAt(0) === BACKSLASH) j++;
  const context = newLines - addedCount;
  file.additions += addedCount;
  file.deletions += oldLines - context;
  file.hunks.push({ oldStart, oldLines, newStart, newLines, section: m[5]!.trim(), lines: out });
  return j;
}

function where(file: FileDraft): string {
  return draftPath(file) ?? `file at line ${file.line}`;
}

function quote(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

function badHeader(header: string, at: number, file: FileDraft): DiffParseError {
  if (header.startsWith('@@@')) {
    return new DiffParseError(
      `combined diff at line ${at + 1} (${where(file)}): ${quote(header)} is a merge-commit hunk, which is not supported; diff against one parent, e.g. "git diff <base>...<head>"`,
    );
  }
  return new DiffParseError(
    `bad hunk header at line ${at + 1} (${where(file)}): ${quote(header)}; expected "@@ -<start>[,<count>] +<start>[,<count>] @@"`,
  );
}

function overflow(side: 'old' | 'new', promised: number, at: number, j: number, line: string, file: FileDraft): DiffParseError {
  return new DiffParseError(
    `malformed hunk: the hunk at line ${at + 1} (${where(file)}) promises ${promised} ${side} lines but line ${j + 1} is one more: ${quote(line)}`,
  );
}
