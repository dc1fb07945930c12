import { execFile } from 'node:child_process';

/** A git command that failed; `message` is git's own first line of complaint. */
export class GitError extends Error {
  override name = 'GitError';
}

/** Runs git with `args` in `cwd` and resolves with stdout as bytes. `input` is written to stdin. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-c', 'core.quotePath=true', ...args],
      { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (err, stdout, stderr) => {
        if (err) {
          const detail = stderr.toString('utf8').trim().split('\n')[0] || err.message.split('\n')[0];
          reject(new GitError(`git ${args[0]} failed: ${detail}`));
          return;
        }
        resolve(stdout);
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
