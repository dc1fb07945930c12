import { describe, expect, it } from 'vitest';
import { readActionContext, type ActionEnv } from '../../../src/action/read-action-context.js';
import { webhookExample } from './webhook-example.js';

// What the runner sets for a pull_request run, plus what action.yml maps from the inputs.
const ENV: ActionEnv = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_TOKEN: 'ghs_exampletoken',
  ARGUS_FAIL_ON: '',
};
const OPENED = JSON.stringify(webhookExample('pull_request.opened'));

describe('readActionContext', () => {
  it('reads a pull_request.opened run into the review context', () => {
    expect(readActionContext(ENV, OPENED)).toEqual({
      ok: true,
      context: {
        owner: 'Codertocat',
        repo: 'Hello-World',
        number: 2,
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        token: 'ghs_exampletoken',
        apiUrl: 'https://api.github.com',
        failOn: null,
      },
    });
  });

  it('takes the head commit of a synchronize run (the pushed commit)', () => {
    const payload = webhookExample('pull_request.synchronize') as { pull_request: { number: number; head: { sha: string } } };
    const read = readActionContext(ENV, JSON.stringify(payload));
    expect(read.ok && read.context.headSha).toBe(payload.pull_request.head.sha);
    expect(read.ok && read.context.number).toBe(payload.pull_request.number);
  });

  it('uses a GitHub Enterprise Server API URL without its trailing slash, and the fail-on input', () => {
    const read = readActionContext({ ...ENV, GITHUB_API_URL: 'https://ghe.example.com/api/v3/', ARGUS_FAIL_ON: ' medium ' }, OPENED);
    expect(read.ok && read.context.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(read.ok && read.context.failOn).toBe('medium');
    expect(readActionContext({ ...ENV, ARGUS_FAIL_ON: 'off' }, OPENED)).toMatchObject({ ok: true, context: { failOn: 'off' } });
  });

  it('falls back to api.github.com when GITHUB_API_URL is unset', () => {
    const read = readActionContext({ ...ENV, GITHUB_API_URL: undefined }, OPENED);
    expect(read.ok && read.context.apiUrl).toBe('https://api.github.com');
  });

  it('refuses a run that is not a pull request, saying which event it was and what to change', () => {
    expect(readActionContext({ ...ENV, GITHUB_EVENT_NAME: 'push' }, JSON.stringify(webhookExample('push')))).toEqual({
      ok: false,
      kind: 'unsupported-event',
      reason: 'Argus reviews pull requests, but this run was triggered by "push": run it in a workflow triggered by "on: pull_request" (see docs/deploy.md#github-action)',
    });
    expect(readActionContext({ ...ENV, GITHUB_EVENT_NAME: undefined }, OPENED)).toMatchObject({
      ok: false,
      kind: 'unsupported-event',
      reason: expect.stringContaining('GITHUB_EVENT_NAME is not set') as unknown,
    });
  });

  it.each([
    ['GITHUB_REPOSITORY unset', { GITHUB_REPOSITORY: undefined }, 'GITHUB_REPOSITORY must be "owner/repo", got null: run Argus as a step of a GitHub Actions job, which sets it'],
    ['GITHUB_REPOSITORY without a slash', { GITHUB_REPOSITORY: 'Hello-World' }, 'GITHUB_REPOSITORY must be "owner/repo", got "Hello-World": run Argus as a step of a GitHub Actions job, which sets it'],
    ['an empty token', { GITHUB_TOKEN: '  ' }, 'the github-token input is empty: leave it at its default (${{ github.token }}) or pass a token with pull-requests: write (see docs/deploy.md#github-action)'],
    ['an API URL that is not http(s)', { GITHUB_API_URL: 'ftp://ghe.example.com' }, 'GITHUB_API_URL must be an http(s) URL such as https://api.github.com, got "ftp://ghe.example.com"'],
    ['an unknown fail-on', { ARGUS_FAIL_ON: 'severe' }, 'the fail-on input must be one of off, critical, high, medium, low, info (or empty for the repository config\'s fail_on), got "severe"'],
  ])('rejects %s with a reason that says how to fix it', (_name, change, reason) => {
    expect(readActionContext({ ...ENV, ...change }, OPENED)).toEqual({ ok: false, kind: 'invalid', reason });
  });

  it('rejects a payload that is not JSON', () => {
    expect(readActionContext(ENV, '{"pull_request":')).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'the event payload at GITHUB_EVENT_PATH is not JSON: run Argus as a step of a GitHub Actions job, which writes it',
    });
  });

  it('rejects a pull_request payload without a usable head commit, naming the field', () => {
    const payload = webhookExample('pull_request.opened') as { pull_request: { head: { sha: string } } };
    payload.pull_request.head.sha = 'main';
    expect(readActionContext(ENV, JSON.stringify(payload))).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'the pull_request event payload has no valid pull_request.head.sha (not a commit SHA): run Argus on "on: pull_request", not a custom event',
    });
    expect(readActionContext(ENV, '{}')).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('no valid pull_request (') as unknown });
  });
});
