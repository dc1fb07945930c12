import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActionReview } from '../../../src/action/review-from-action.js';

const API = 'https://api.github.com';
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the Action review', () => {
  it('fails the step with one annotation when the base config is invalid, after failing the check run', async () => {
    const checks: Array<Record<string, unknown>> = [];
    const scope = nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/app/pulls/4')
      .reply(200, { number: 4, title: 't', body: '', draft: false, state: 'open', user: { login: 'u', type: 'User' }, labels: [], head: { sha: HEAD }, base: { sha: BASE } })
      .get('/repos/octo/app/contents/.github%2Fargus.yml')
      .query({ ref: BASE })
      .reply(200, { type: 'file', encoding: 'base64', size: 16, content: Buffer.from('max_comments: -1\n').toString('base64') })
      .post('/repos/octo/app/check-runs')
      .reply(201, { id: 3 })
      .patch('/repos/octo/app/check-runs/3', (b: Record<string, unknown>) => checks.push(b) > 0)
      .reply(200, {});
    let err = '';
    const stderr = new Writable({
      write(chunk, _e, cb) {
        err += String(chunk);
        cb();
      },
    });
    const code = await createActionReview({})(
      { owner: 'octo', repo: 'app', number: 4, headSha: HEAD, token: 'ghs_x', apiUrl: API, failOn: null },
      { stderr },
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(code).toBe(1);
    expect(checks).toMatchObject([{ conclusion: 'failure', output: { title: 'Invalid .github/argus.yml on the base branch' } }]);
    expect(err.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      expect.stringMatching(/^::error title=Argus::\.github\/argus\.yml on the base branch is invalid: \.github\/argus\.yml: max_comments: expected a whole number from 0 to 100/),
    ]);
  });
});
