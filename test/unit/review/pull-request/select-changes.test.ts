import { describe, expect, it } from 'vitest';
import { parseGithubFile } from '../../../../src/diff/index.js';
import type { ChangedFiles, GitHubPort, PullRequestInfo } from '../../../../src/review/github-port.js';
import { selectChanges } from '../../../../src/review/pull-request/select-changes.js';

const REF = { owner: 'o', repo: 'r', number: 1 };
const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const pr = { headSha: HEAD, baseSha: 'b'.repeat(40) } as PullRequestInfo;

const prFiles = [
  parseGithubFile({ filename: 'a.js', status: 'modified', patch: '@@ -1,2 +1,4 @@\n x\n+y\n+z\n w' }),
  parseGithubFile({ filename: 'b.js', status: 'added', patch: '@@ -0,0 +1 @@\n+b' }),
];

/** A port that answers the two reads selectChanges makes. */
function port(listed: ChangedFiles, compared: ChangedFiles | null): { port: GitHubPort; compares: string[] } {
  const compares: string[] = [];
  return {
    compares,
    port: {
      listPullRequestFiles: () => Promise.resolve(listed),
      compareCommits: (_ref: unknown, base: string, head: string) => {
        compares.push(`${base.slice(0, 1)}...${head.slice(0, 1)}`);
        return Promise.resolve(compared);
      },
    } as unknown as GitHubPort,
  };
}

describe('selectChanges', () => {
  it('reviews the whole pull request the first time (nothing reviewed yet), without a compare', async () => {
    const p = port({ files: prFiles, truncated: false }, null);
    const out = await selectChanges(p.port, REF, pr, null, false);
    expect(out).toEqual({ files: prFiles, focus: null, range: { from: null, to: HEAD }, notes: [] });
    expect(p.compares).toEqual([]);
  });

  it('focuses on the lines new since the reviewed commit that are also in the pull request diff', async () => {
    const increment = [
      parseGithubFile({ filename: 'a.js', status: 'modified', patch: '@@ -1,3 +1,4 @@\n x\n y\n+z\n w' }),
      // Changed in the increment but back to the base version: not in the PR diff, so no focus.
      parseGithubFile({ filename: 'c.js', status: 'modified', patch: '@@ -1 +1 @@\n-c\n+c2' }),
    ];
    const p = port({ files: prFiles, truncated: false }, { files: increment, truncated: false });
    const out = await selectChanges(p.port, REF, pr, OLD, false);
    expect(p.compares).toEqual(['o...h']);
    expect(out.files).toBe(prFiles);
    expect(out.focus).toEqual(new Map([['a.js', new Set([3])]]));
    expect(out.range).toEqual({ from: OLD, to: HEAD });
  });

  it('reviews everything after a force-push rewrote history (compare answers null), and says so', async () => {
    const out = await selectChanges(port({ files: prFiles, truncated: false }, null).port, REF, pr, OLD, false);
    expect(out.focus).toBeNull();
    expect(out.range).toEqual({ from: null, to: HEAD });
    expect(out.notes).toEqual([`History was rewritten since ${OLD.slice(0, 7)} (force-push): the whole pull request was reviewed`]);
  });

  it('reports GitHub\'s 3000-file cap, and honours "full"', async () => {
    const p = port({ files: prFiles, truncated: true }, { files: [], truncated: false });
    const out = await selectChanges(p.port, REF, pr, OLD, true);
    expect(p.compares).toEqual([]);
    expect(out.focus).toBeNull();
    expect(out.notes).toEqual(['GitHub lists at most 3000 files of a pull request; only those 2 were reviewed']);
  });
});
