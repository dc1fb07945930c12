import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeContent } from '../review/decode-content.js';
import type { ContentPort, FileContent } from '../review/ports.js';
import { runGit } from './run-git.js';

/**
 * New-file contents at a git revision, fetched for all paths in ONE `git cat-file --batch` call
 * (one process instead of one `git show` per file).
 */
export async function gitRevisionContents(cwd: string, rev: string, paths: readonly string[]): Promise<ContentPort> {
  const wanted = paths.filter((p) => !p.includes('\n'));
  const out = wanted.length === 0 ? Buffer.alloc(0) : await runGit(['cat-file', '--batch'], cwd, wanted.map((p) => `${rev}:${p}\n`).join(''));
  const byPath = new Map<string, FileContent>();
  let offset = 0;
  for (const path of wanted) {
    const eol = out.indexOf(0x0a, offset);
    if (eol === -1) break;
    const header = out.subarray(offset, eol).toString('utf8');
    offset = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      byPath.set(path, { kind: 'missing', detail: `${rev}:${path} is not in the repository` });
      continue;
    }
    const size = Number(m[2]);
    const body = out.subarray(offset, offset + size);
    offset += size + 1; // the object is followed by a newline
    byPath.set(path, m[1] === 'blob' ? decodeContent(body) : { kind: 'missing', detail: `${rev}:${path} is a ${m[1]}, not a file` });
  }
  return {
    readNewFile: async (path) => byPath.get(path) ?? { kind: 'missing', detail: `${rev}:${path} was not read` },
  };
}

/** New-file contents from the working tree under `root`. */
export function workingTreeContents(root: string): ContentPort {
  return {
    async readNewFile(path) {
      try {
        return decodeContent(await readFile(join(root, path)));
      } catch (err) {
        return { kind: 'missing', detail: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
      }
    },
  };
}
