import type { Readable, Writable } from 'node:stream';

/** The process edges the CLI touches, injected so tests drive `main` in-process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
