import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const API = 'https://api.github.com';
const REPO = '/repos/octo/app';
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const FILE = "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ls ' + req.query.dir);\n";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('argus review --pr (dry run)', () => {
  it('reads the pull request with the token, reviews it like the App, and posts nothing', async () => {
    const scope = nock(API, { reqheaders: { authorization: 'token ghp_test' } })
      .get('/user')
      .reply(200, { login: 'octocat' })
      .get(`${REPO}/pulls/3`)
      .twice()
      .reply(200, {
        number: 3,
        title: 'List a folder',
        body: null,
        draft: false,
        state: 'open',
        user: { login: 'octocat', type: 'User' },
        labels: [],
        head: { sha: HEAD },
        base: { sha: BASE },
      })
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/issues/3/comments`)
      .query(true)
      .times(2) // before the review, and again just before publishing
      .reply(200, [])
      .get(`${REPO}/pulls/3/files`)
      .query(true)
      .reply(200, [{ filename: 'src/ls.js', status: 'added', additions: 2, deletions: 0, patch: `@@ -0,0 +1,2 @@\n${FILE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }])
      .post('/graphql')
      .reply(200, { data: { repository: { f0: { __typename: 'Blob', oid: '1'.repeat(40), byteSize: FILE.length, isBinary: false, isTruncated: false, text: FILE } } } })
      .get(`${REPO}/pulls/3/comments`)
      .query(true)
      .reply(200, []);

    const run = await runCli(['review', '--pr', 'https://github.com/octo/app/pull/3', '--no-llm', '--fail-on', 'high'], { env: { GITHUB_TOKEN: 'ghp_test' } });
    expect(scope.pendingMocks()).toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^src\/ls\.js:2 {2}CRITICAL {2}security {2}command-injection$/m);
    expect(run.stdout).toContain(
      [
        'argus: dry run, nothing posted to octo/app#3 (pass --post to publish):',
        `  would check run "Argus" started on ${HEAD.slice(0, 7)}`,
        `  would review (comment) on ${HEAD.slice(0, 7)} with 1 comment(s): src/ls.js:2`,
      ].join('\n'),
    );
    expect(run.stdout).toMatch(/would summary comment \(\d+ characters\)\n {2}would check run completed: failure, "1 critical", 1 annotation\(s\)\n$/);
  });
});
