import type { DiffFile } from '../diff/types.js';
import type { ContentPort, FileContent } from '../review/ports.js';

/**
 * Contents for `argus review --diff`: the working-tree file when it matches the diff's new side
 * line for line, else the file rebuilt from the hunks (complete for added files; for edited files the
 * lines outside hunks are left blank, which keeps line numbers right and is enough for most parses).
 */
export function diffContents(files: readonly DiffFile[], fallback: ContentPort): ContentPort {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return {
    async readNewFile(path): Promise<FileContent> {
      const file = byPath.get(path);
      const disk = await fallback.readNewFile(path);
      if (!file) return disk;
      // The diff was not valid UTF-8 here (decoded lossily): the file is not text we can analyse.
      if (file.hunks.some((h) => h.lines.some((l) => l.content.includes('\uFFFD')))) return { kind: 'non-utf8' };
      if (disk.kind === 'text' && matchesNewSide(file, disk.text)) return disk;
      if (disk.kind === 'binary' || disk.kind === 'non-utf8' || disk.kind === 'too-large') return disk;
      return { kind: 'text', text: rebuildFromHunks(file) };
    },
  };
}

/** True when every added and context line of the diff stands at its line number in `text`. */
export function matchesNewSide(file: DiffFile, text: string): boolean {
  const lines = text.split(/\r?\n/);
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.newLine !== null && lines[line.newLine - 1] !== line.content) return false;
    }
  }
  return true;
}

/** The new file as far as the diff shows it; unknown lines are empty. */
export function rebuildFromHunks(file: DiffFile): string {
  const lines: string[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.newLine === null) continue;
      while (lines.length < line.newLine - 1) lines.push('');
      lines[line.newLine - 1] = line.content;
    }
  }
  return lines.join('\n');
}
