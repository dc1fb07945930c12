import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the argus CLI in-process with captured output; `stdin` feeds `-` inputs. */
export async function runCli(
  args: string[],
  options: { cwd?: string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = Object.assign(
    new Writable({
      write(chunk, _enc, cb) {
        stdout += String(chunk);
        cb();
      },
    }),
    { isTTY: options.tty ?? false },
  );
  const err = new Writable({
    write(chunk, _enc, cb) {
      stderr += String(chunk);
      cb();
    },
  });
  const code = await main(args, {
    stdout: out,
    stderr: err,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
