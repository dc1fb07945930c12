import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { API, BASE, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

/** A PR files / compare entry as GitHub returns it. */
function entry(filename: string, patch: string | undefined = '@@ -1 +1,2 @@\n a\n+b', status = 'modified') {
  return {
    sha: 'c'.repeat(40),
    filename,
    status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/octo/demo/blob/${HEAD}/${filename}`,
    raw_url: `https://github.com/octo/demo/raw/${HEAD}/${filename}`,
    contents_url: `${API}/repos/octo/demo/contents/${filename}?ref=${HEAD}`,
    ...(patch === undefined ? {} : { patch }),
  };
}

const names = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `src/f${from + i}.ts`);
const page = (n: number, last: number) =>
  [`<${API}/repositories/1/pulls/7/files?per_page=100&page=${n + 1}>; rel="next"`, `<${API}/repositories/1/pulls/7/files?per_page=100&page=${last}>; rel="last"`].join(', ');

describe('listPullRequestFiles', () => {
  it('follows every page at 100 per page and parses each entry', async () => {
    const scope = github();
    scope.get('/repos/octo/demo/pulls/7/files').query({ per_page: '100' }).reply(200, names(100).map((f) => entry(f)), { link: page(1, 3) });
    scope.get('/repositories/1/pulls/7/files').query({ per_page: '100', page: '2' }).reply(200, names(100, 100).map((f) => entry(f)), { link: page(2, 3) });
    scope.get('/repositories/1/pulls/7/files').query({ per_page: '100', page: '3' }).reply(200, names(7, 200).map((f) => entry(f)));

    const { files, truncated } = await createGitHubPort(testOctokit()).listPullRequestFiles(REF);

    expect(truncated).toBe(false);
    expect(files.map((f) => f.path)).toEqual(names(207));
    expect(files[206]).toMatchObject({ status: 'modified', noPatch: null, additions: 1, deletions: 0 });
    expect([...files[206]!.addedLines]).toEqual([2]);
    expect([...files[206]!.commentableLines]).toEqual([1, 2]);
  });

  it('reports truncation when GitHub lists its maximum of 3000 files', async () => {
    const scope = github();
    for (let p = 1; p <= 30; p++) {
      const route = p === 1 ? scope.get('/repos/octo/demo/pulls/7/files').query({ per_page: '100' }) : scope.get('/repositories/1/pulls/7/files').query({ per_page: '100', page: String(p) });
      route.reply(200, names(100, (p - 1) * 100).map((f) => entry(f)), p < 30 ? { link: page(p, 30) } : {});
    }
    const { files, truncated } = await createGitHubPort(testOctokit()).listPullRequestFiles(REF);
    expect(files).toHaveLength(3000);
    expect(truncated).toBe(true);
  });

  it('keeps an entry it cannot parse as a file without hunks, logs why, and parses the others', async () => {
    github()
      .get('/repos/octo/demo/pulls/7/files')
      .query({ per_page: '100' })
      .reply(200, [entry('a.ts'), entry('bad.ts', 'not a hunk'), entry('new.ts', undefined, 'teleported'), entry('c.ts')]);
    const warnings: Array<{ details: Record<string, unknown>; message: string }> = [];
    const port = createGitHubPort(testOctokit(), { log: { warn: (details, message) => warnings.push({ details, message }) } });

    const { files } = await port.listPullRequestFiles(REF);

    expect(files.map((f) => [f.path, f.status, f.noPatch, f.additions])).toEqual([
      ['a.ts', 'modified', null, 1],
      ['bad.ts', 'modified', 'patch-missing', 1],
      ['new.ts', 'modified', 'patch-missing', 1],
      ['c.ts', 'modified', null, 1],
    ]);
    expect(warnings.map((w) => [w.details.path, w.message])).toEqual([
      ['bad.ts', 'GitHub file entry not parsed; kept without hunks'],
      ['new.ts', 'GitHub file entry not parsed; kept without hunks'],
    ]);
    expect(warnings[0]!.details.reason).toMatch(/^bad GitHub patch for bad\.ts: line 1 is not a hunk header/);
    expect(warnings[1]!.details.reason).toMatch(/^unknown GitHub file status "teleported"/);
  });
});

describe('compareCommits', () => {
  const compare = (status: string, files: unknown[]) => ({ status, ahead_by: 2, behind_by: 0, total_commits: 2, commits: [], files });
  const route = () => github().get(`/repos/octo/demo/compare/${BASE}...${HEAD}`).query({ per_page: '1' });

  it('returns the files when head extends base (one call, one commit per page)', async () => {
    route().reply(200, compare('ahead', [entry('src/a.ts'), entry('src/b.ts', '@@ -0,0 +1 @@\n+b', 'added')]));
    const result = await createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD);
    expect(result?.truncated).toBe(false);
    expect(result?.files.map((f) => [f.path, f.status, f.noPatch])).toEqual([
      ['src/a.ts', 'modified', null],
      ['src/b.ts', 'added', null],
    ]);
  });

  it('returns no files for identical commits', async () => {
    route().reply(200, compare('identical', []));
    expect(await createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD)).toEqual({ files: [], truncated: false });
  });

  it('reports truncation at the compare maximum of 300 files', async () => {
    route().reply(200, compare('ahead', names(300).map((f) => entry(f))));
    const result = await createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD);
    expect(result?.files).toHaveLength(300);
    expect(result?.truncated).toBe(true);
  });

  it.each(['diverged', 'behind'])('returns null when history was rewritten (%s)', async (status) => {
    route().reply(200, compare(status, [entry('src/a.ts')]));
    expect(await createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD)).toBeNull();
  });

  it('returns null when GitHub does not know the base (404)', async () => {
    route().reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits' });
    expect(await createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD)).toBeNull();
  });

  it('throws other failures with a one-line message', async () => {
    route().reply(500, { message: 'Server Error' });
    await expect(createGitHubPort(testOctokit()).compareCommits(REF, BASE, HEAD)).rejects.toThrow(
      `GitHub repos.compareCommitsWithBasehead (GET /repos/octo/demo/compare/${BASE}...${HEAD}) answered 500 "Server Error": GitHub failed; retry later (https://www.githubstatus.com)`,
    );
  });
});
