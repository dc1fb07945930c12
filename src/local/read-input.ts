import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from './input-error.js';

/** Text read from a user-named input. `lossy` is true when invalid UTF-8 was replaced by U+FFFD. */
export interface InputText {
  text: string;
  lossy: boolean;
  /** The input's name for messages: the path, or "stdin". */
  name: string;
}

/**
 * Reads an input the user named (`-` for stdin; relative paths resolve against `cwd`). Missing files, folders and binary content are an
 * InputError whose message says what to do. Invalid UTF-8 is decoded lossily and flagged, because a
 * diff may hold one Latin-1 file among many good ones: the caller skips just that file.
 */
export async function readInput(path: string, what: string, stdin: Readable, cwd: string): Promise<InputText> {
  const name = path === '-' ? 'stdin' : path;
  let bytes: Buffer;
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    bytes = Buffer.concat(chunks);
  } else {
    let info;
    try {
      info = await stat(resolve(cwd, path));
    } catch {
      throw new InputError(`${what} not found: ${path} (check the path, or pass - to read stdin)`);
    }
    if (info.isDirectory()) throw new InputError(`${what} ${path} is a directory; pass a file (for example: git diff main > change.diff)`);
    try {
      bytes = await readFile(resolve(cwd, path));
    } catch (err) {
      throw new InputError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    throw new InputError(`${what} ${name} is binary, not text; pass a unified diff (for example: git diff main > change.diff)`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), lossy: false, name };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), lossy: true, name };
  }
}
