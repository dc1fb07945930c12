import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DiffFile } from '../diff/types.js';
import { InputError } from './input-error.js';

/** Folders a scan never descends into. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Expands `argus scan` arguments into repository-relative POSIX paths: files as given, folders walked
 * recursively (without .git and node_modules). `keep` filters what a walk finds (config excludes);
 * files named explicitly are always kept so the pipeline can say why it skips them.
 */
export async function expandScanPaths(args: readonly string[], cwd: string, keep: (path: string) => boolean): Promise<string[]> {
  const out = new Set<string>();
  for (const arg of args) {
    // resolve, not join: an absolute argument (`argus scan /tmp/x.js`) must stay absolute.
    const abs = resolve(cwd, arg);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError(`no such file or directory: ${arg} (pass files or folders to scan)`);
    }
    const rel = relative(cwd, abs);
    // Config globs are relative to the repository root, so a file outside it could never be matched.
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError(`${arg} is outside the working directory ${cwd}: run argus from a folder that contains it`);
    }
    if (info.isFile()) {
      out.add(toRepoPath(cwd, abs));
      continue;
    }
    const entries = await readdir(abs, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      const rel = toRepoPath(cwd, full);
      if (rel.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
      if (keep(rel)) out.add(rel);
    }
  }
  return [...out].sort();
}

/** A whole file as a diff in which every line is added (what `argus scan` reviews). */
export function wholeFileAsDiff(path: string, lineCount: number): DiffFile {
  const lines = new Set<number>();
  for (let i = 1; i <= lineCount; i++) lines.add(i);
  return {
    path,
    oldPath: null,
    status: 'added',
    binary: false,
    oldMode: null,
    newMode: null,
    hunks: [],
    noPatch: null,
    addedLines: lines,
    commentableLines: lines,
    additions: lineCount,
    deletions: 0,
  };
}

function toRepoPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs) || abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
