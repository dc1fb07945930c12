import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { gitBlobOid, startFakeGitHubServer, type FakeGitHubServer } from '../../helpers/fake-github-server.js';

const HEAD = 'a'.repeat(40);
const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJl';

let fake: FakeGitHubServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(files = 1): Promise<{ fake: FakeGitHubServer; octokit: Octokit }> {
  fake = await startFakeGitHubServer({
    owner: 'octo',
    repo: 'demo',
    pulls: [{ number: 7, head: HEAD, base: 'b'.repeat(40), files: Array.from({ length: files }, (_, i) => ({ filename: `src/f${i}.js`, status: 'modified' as const, patch: '@@ -10,3 +10,4 @@\n a\n+b\n c\n d' })) }],
    contents: { [HEAD]: { 'src/f0.js': 'const x = 1;\n' } },
  });
  const minted = await fetch(`${fake.url}/api/v3/app/installations/1/access_tokens`, { method: 'POST', headers: { authorization: `bearer ${JWT}` } });
  const { token } = (await minted.json()) as { token: string };
  // GitHub Enterprise's REST prefix, as Probot builds it from GHE_HOST.
  return { fake, octokit: new Octokit({ baseUrl: `${fake.url}/api/v3`, auth: token, log: QUIET }) };
}

describe('startFakeGitHubServer', () => {
  it('mints a token for a JWT and refuses repository calls without it', async () => {
    const { fake } = await start();
    const anonymous = await fetch(`${fake.url}/api/v3/repos/octo/demo/pulls/7`);
    const noJwt = await fetch(`${fake.url}/api/v3/app`);

    expect([anonymous.status, noJwt.status]).toEqual([401, 401]);
    expect(fake.requests.map((r) => [r.method, r.path, r.route, r.auth, r.status])).toEqual([
      ['POST', '/api/v3/app/installations/1/access_tokens', 'POST /app/installations/{installation_id}/access_tokens', 'app', 201],
      ['GET', '/api/v3/repos/octo/demo/pulls/7', 'GET /repos/{owner}/{repo}/pulls/{pull_number}', 'none', 401],
      ['GET', '/api/v3/app', 'GET /app', 'none', 401],
    ]);
  });

  it('paginates the files with Link headers Octokit follows', async () => {
    const { fake, octokit } = await start(130);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'octo', repo: 'demo', pull_number: 7, per_page: 100 });

    expect(files).toHaveLength(130);
    expect(files[129]).toMatchObject({ filename: 'src/f129.js', additions: 1, deletions: 0, changes: 1 });
    expect(fake.requests.slice(1).map((r) => [r.path, r.query])).toEqual([
      ['/api/v3/repos/octo/demo/pulls/7/files', { per_page: '100' }],
      ['/api/v3/repos/octo/demo/pulls/7/files', { per_page: '100', page: '2' }],
    ]);
  });

  it('answers the blob query at /api/graphql: text for a known path, null for a missing one', async () => {
    const { fake, octokit } = await start();
    const query = 'query($owner: String!, $name: String!, $e0: String!, $e1: String!) { repository(owner: $owner, name: $name) { f0: object(expression: $e0) { ...blob } f1: object(expression: $e1) { ...blob } } } fragment blob on GitObject { __typename ... on Blob { oid byteSize isBinary isTruncated text } }';
    const answer = await octokit.graphql(query, { owner: 'octo', name: 'demo', e0: `${HEAD}:src/f0.js`, e1: `${HEAD}:src/none.js` });

    expect(answer).toEqual({ repository: { f0: { __typename: 'Blob', oid: gitBlobOid('const x = 1;\n'), byteSize: 13, isBinary: false, isTruncated: false, text: 'const x = 1;\n' }, f1: null } });
    expect(fake.requests[1]).toMatchObject({ method: 'POST', path: '/api/graphql', route: 'POST /graphql' });
  });

  it('refuses a review comment outside the hunks with 422, keeps one inside, and completes a check run', async () => {
    const { fake, octokit } = await start();
    const review = (line: number) => octokit.rest.pulls.createReview({ owner: 'octo', repo: 'demo', pull_number: 7, commit_id: HEAD, event: 'COMMENT', body: 'r', comments: [{ path: 'src/f0.js', line, side: 'RIGHT', body: `at ${line}` }] });

    await expect(review(20)).rejects.toMatchObject({ status: 422 });
    await review(13);
    const { data: run } = await octokit.rest.checks.create({ owner: 'octo', repo: 'demo', name: 'Argus', head_sha: HEAD, status: 'in_progress' });
    await octokit.rest.checks.update({ owner: 'octo', repo: 'demo', check_run_id: run.id, conclusion: 'failure', output: { title: 't', summary: 's', annotations: [{ path: 'src/f0.js', start_line: 11, end_line: 11, annotation_level: 'failure', message: 'm' }] } });

    expect(fake.reviews.map((r) => [r.state, r.comments.map((c) => c.line)])).toEqual([['COMMENTED', [13]]]);
    expect(fake.reviewComments.map((c) => [c.path, c.line, c.body, c.user.login])).toEqual([['src/f0.js', 13, 'at 13', 'argus-review[bot]']]);
    expect(fake.checkRuns).toMatchObject([{ name: 'Argus', status: 'completed', conclusion: 'failure', output: { title: 't', annotations: [{ start_line: 11 }] } }]);
  });

  it('waitFor resolves when the records meet the condition and rejects naming the routes seen when they do not', async () => {
    const { fake, octokit } = await start();
    const done = fake.waitFor((f) => f.issueComments.length === 1, 2_000);
    await octokit.rest.issues.createComment({ owner: 'octo', repo: 'demo', issue_number: 7, body: 'hi' });
    await done;

    await expect(fake.waitFor((f) => f.reviews.length > 0, 50)).rejects.toThrow(/POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments 201/);
  });
});
