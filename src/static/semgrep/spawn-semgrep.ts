import { spawn } from 'node:child_process';
import { platform } from 'node:os';
import { kill } from 'node:process';

/** One Semgrep invocation. */
export interface SemgrepRun {
  binary: string;
  args: readonly string[];
  timeoutMs: number;
  /** Stdout beyond this is not read: the run is stopped and reported (default 64 MiB). */
  maxOutputBytes?: number;
}

/** How a run ended. Every way is a value: nothing here throws. */
export type SemgrepRunOutcome =
  | { kind: 'exited'; code: number | null; signal: string | null; stdout: string; stderr: string }
  | { kind: 'not-found' }
  | { kind: 'failed-to-start'; reason: string }
  | { kind: 'timeout' }
  | { kind: 'output-too-large' };

/** Runs Semgrep; a port so tests and other hosts can swap it. */
export type SemgrepRunner = (run: SemgrepRun) => Promise<SemgrepRunOutcome>;

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/**
 * Spawns the binary (found on PATH by the OS when it is a bare name) without a shell, collects its output,
 * and kills it when it runs past `timeoutMs` or writes more than `maxOutputBytes`. The child gets its own
 * process group so the kill also reaches the `semgrep-core` workers it starts.
 */
export const spawnSemgrep: SemgrepRunner = (run) =>
  new Promise((resolve) => {
    const posix = platform() !== 'win32';
    const child = spawn(run.binary, [...run.args], { stdio: ['ignore', 'pipe', 'pipe'], detached: posix, windowsHide: true });
    const limit = run.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let settled = false;
    const finish = (outcome: SemgrepRunOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const stop = (outcome: SemgrepRunOutcome): void => {
      try {
        // A negative pid signals the whole group (POSIX); Windows has no groups, so only the child.
        if (posix && child.pid !== undefined) kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is already gone
      }
      finish(outcome);
    };
    const timer = setTimeout(() => stop({ kind: 'timeout' }), run.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > limit) stop({ kind: 'output-too-large' });
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish(err.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'failed-to-start', reason: err.message });
    });
    child.on('close', (code, signal) => {
      finish({ kind: 'exited', code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr });
    });
  });
