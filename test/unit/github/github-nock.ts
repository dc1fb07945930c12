import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { GitHubOctokit } from '../../../src/github/github-octokit.js';
import type { PullRequestRef } from '../../../src/review/github-port.js';

export const API = 'https://api.github.com';
/** Installation-token shaped, so tests can check it never shows up in messages. */
export const TOKEN = `ghs_${'T0k3n'.repeat(8)}`;
export const REF: PullRequestRef = { owner: 'octo', repo: 'demo', number: 7 };
export const HEAD = 'a'.repeat(40);
export const BASE = 'b'.repeat(40);

/** Octokit's request log, silenced (it prints failed requests to the console). */
export const QUIET = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A real `@octokit/rest` client (no retry or throttling plugin, so a failure is answered once). */
export function testOctokit(): GitHubOctokit {
  return new Octokit({ auth: TOKEN, baseUrl: API, log: QUIET });
}

const scopes: nock.Scope[] = [];

/** A nock scope on the API (or on `base`) that must be used up by the end of the test. */
export function github(base = API): nock.Scope {
  const scope = nock(base);
  scopes.push(scope);
  return scope;
}

/** Installs the network guard and the per-test `scope.isDone()` check; call once per test file. */
export function useGitHubNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = scopes.filter((scope) => !scope.isDone()).flatMap((scope) => scope.pendingMocks());
    scopes.length = 0;
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

/** Records each JSON request body a route receives (nock's body matcher, always matching). */
export function capture(bodies: unknown[]): (body: unknown) => boolean {
  return (body) => {
    bodies.push(body);
    return true;
  };
}
