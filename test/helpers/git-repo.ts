import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away git repository for producing real diffs and changes in tests. */
export interface TempRepo {
  dir: string;
  /** Runs git in the repo and returns stdout as UTF-8. */
  git(...args: string[]): string;
  write(path: string, content: string | Uint8Array): void;
  chmod(path: string, mode: number): void;
  commitAll(message: string): void;
  remove(): void;
}

// The user's and the system's git config must not leak in (diff.noprefix, color.ui, core.quotePath...).
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C', TZ: 'UTC' };

/** Creates an empty repository on branch main with a local identity and `core.autocrlf false`. */
export function createTempRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'argus-test-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Argus Test');
  git('config', 'core.autocrlf', 'false');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    chmod(path, mode) {
      chmodSync(join(dir, path), mode);
    },
    commitAll(message) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
