import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { ActionContext } from '../../../src/action/read-action-context.js';
import { runAction, type ActionDeps, type ActionReview } from '../../../src/action/run-action.js';
import { webhookExample } from './webhook-example.js';

const EVENT_PATH = '/home/runner/work/_temp/_github_workflow/event.json';
const ENV = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: EVENT_PATH,
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_TOKEN: 'ghs_exampletoken',
  ARGUS_FAIL_ON: 'high',
};

function setup(env: ActionDeps['env'], files: Record<string, string>, review: ActionReview = vi.fn(async () => 0)) {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const readFile = vi.fn((path: string) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  });
  return { deps: { env, readFile, stderr, review }, readFile, review, stderr: () => err };
}

describe('runAction', () => {
  it('hands a pull_request run to the review and exits with its code', async () => {
    const review = vi.fn<ActionReview>(async () => 1);
    const t = setup(ENV, { [EVENT_PATH]: JSON.stringify(webhookExample('pull_request.opened')) }, review);
    expect(await runAction(t.deps)).toBe(1);
    expect(t.readFile.mock.calls).toEqual([[EVENT_PATH]]);
    const expected: ActionContext = {
      owner: 'Codertocat',
      repo: 'Hello-World',
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      token: 'ghs_exampletoken',
      apiUrl: 'https://api.github.com',
      failOn: 'high',
    };
    expect(review).toHaveBeenCalledTimes(1);
    expect(review.mock.calls[0]?.[0]).toEqual(expected);
    expect(t.stderr()).toBe('');
  });

  it('exits 2 with one error annotation on a push run, without reviewing', async () => {
    const t = setup({ ...ENV, GITHUB_EVENT_NAME: 'push' }, { [EVENT_PATH]: JSON.stringify(webhookExample('push')) });
    expect(await runAction(t.deps)).toBe(2);
    expect(t.review).not.toHaveBeenCalled();
    expect(t.stderr()).toBe(
      '::error title=Argus::Argus reviews pull requests, but this run was triggered by "push": run it in a workflow triggered by "on: pull_request" (see docs/deploy.md#github-action)\n',
    );
  });

  it('exits 2 outside GitHub Actions (no GITHUB_EVENT_PATH), pointing at the CLI', async () => {
    const t = setup({ ...ENV, GITHUB_EVENT_PATH: undefined }, {});
    expect(await runAction(t.deps)).toBe(2);
    expect(t.readFile).not.toHaveBeenCalled();
    expect(t.stderr()).toBe(
      '::error title=Argus::GITHUB_EVENT_PATH is not set: this entry point runs as a step of a GitHub Actions job (uses: argus-review/argus@v0); locally, use `argus review` instead\n',
    );
  });

  it('exits 2 when the event file cannot be read, naming the path and the error code', async () => {
    const t = setup(ENV, {});
    expect(await runAction(t.deps)).toBe(2);
    expect(t.review).not.toHaveBeenCalled();
    expect(t.stderr()).toBe(
      `::error title=Argus::the event payload ${EVENT_PATH} could not be read (ENOENT): run Argus as a step of a GitHub Actions job, which writes it\n`,
    );
  });
});
