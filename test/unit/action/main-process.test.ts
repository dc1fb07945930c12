import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webhookExample } from './webhook-example.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'argus-action-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The entry point as action.yml runs it, from source through tsx so the test needs no build.
function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/action/main.ts')], {
    cwd: ROOT, // --import resolves tsx from here
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

describe('src/action/main.ts', () => {
  it('wires the environment, the event file and stderr: a push run exits 2 with one annotation', () => {
    const eventPath = join(dir, 'push.json');
    writeFileSync(eventPath, JSON.stringify(webhookExample('push')));
    const run = runMain({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_TOKEN: 'ghs_exampletoken' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '::error title=Argus::Argus reviews pull requests, but this run was triggered by "push": run it in a workflow triggered by "on: pull_request" (see docs/deploy.md#github-action)\n',
    );
  });
});
