import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiffParseError, parseGithubFile, type GithubFileEntry } from '../../../src/diff/index.js';
import { summarizeFile } from './summarize-file.js';

const entries = JSON.parse(
  readFileSync(new URL('../../../fixtures/diff/github-pr-files.json', import.meta.url), 'utf8'),
) as GithubFileEntry[];
const entry = (filename: string): GithubFileEntry => entries.find((e) => e.filename === filename)!;

describe('parseGithubFile', () => {
  it('parses a modified file with two hunks and section text', () => {
    const f = parseGithubFile(entry('src/handler.ts'));
    expect(summarizeFile(f)).toEqual({
      path: 'src/handler.ts', oldPath: 'src/handler.ts', status: 'modified', binary: false, oldMode: null, newMode: null,
      noPatch: null, additions: 3, deletions: 2, added: [11, 12, 44],
      commentable: [8, 9, 10, 11, 12, 13, 14, 15, 41, 42, 43, 44, 45],
      lines: [
        "@@ -8,7 +8,8 @@ import { db } from './db';",
        'context 8 8 ""',
        'context 9 9 "export async function handler(req: Request) {"',
        'context 10 10 "  const id = req.params.id;"',
        'del 11 - "  const user = db.find(id);"',
        'add - 11 "  const user = await db.find(id);"',
        'add - 12 "  if (!user) return notFound();"',
        'context 12 13 "  log(user);"',
        'context 13 14 ""',
        'context 14 15 "  return ok(user);"',
        '@@ -40,5 +41,5 @@ export async function handler(req: Request) {',
        'context 40 41 "}"',
        'context 41 42 ""',
        'context 42 43 "function notFound() {"',
        'del 43 - "  return { status: 404 };"',
        'add - 44 "  return { status: 404 } as const;"',
        'context 44 45 "}"',
      ],
    });
  });

  it('maps statuses, paths and missing patches', () => {
    const rows = entries.map((e) => {
      const f = parseGithubFile(e);
      return [f.path, f.oldPath, f.status, f.noPatch, f.binary, [...f.addedLines], f.additions, f.deletions];
    });
    expect(rows).toEqual([
      ['src/handler.ts', 'src/handler.ts', 'modified', null, false, [11, 12, 44], 3, 2],
      ['src/constants.ts', null, 'added', null, false, [1, 2, 3], 3, 0],
      ['src/legacy.ts', 'src/legacy.ts', 'deleted', null, false, [], 0, 2],
      ['docs/guide.md', 'docs/old-guide.md', 'renamed', null, false, [2], 1, 1],
      ['src/util/strings.ts', 'src/strings.ts', 'renamed', 'patch-missing', false, [], 0, 0],
      ['assets/logo.png', null, 'added', 'patch-missing', false, [], 0, 0],
      ['package-lock.json', 'package-lock.json', 'modified', 'patch-missing', false, [], 12000, 300],
      ['scripts/release.sh', 'scripts/release.sh', 'modified', 'mode-only', false, [], 0, 0],
      ['VERSION', 'VERSION', 'modified', null, false, [1], 1, 1],
    ]);
  });

  it('skips "\\ No newline at end of file" in a patch', () => {
    expect(summarizeFile(parseGithubFile(entry('VERSION'))).lines).toEqual(['@@ -1,1 +1,1 @@', 'del 1 - "1.2.3"', 'add - 1 "1.2.4"']);
  });

  it('handles copied, unchanged and a null patch', () => {
    expect(parseGithubFile({ filename: 'b.ts', status: 'copied', previous_filename: 'a.ts', patch: null })).toMatchObject({
      path: 'b.ts', oldPath: 'a.ts', status: 'copied', noPatch: 'patch-missing',
    });
    expect(parseGithubFile({ filename: 'a.ts', status: 'unchanged' })).toMatchObject({ status: 'modified', noPatch: 'unchanged' });
    expect(parseGithubFile({ filename: 'x.sh', status: 'changed', additions: 2, deletions: 0 })).toMatchObject({ noPatch: 'patch-missing', additions: 2 });
  });

  it('rejects an unknown status, a rename without previous_filename, and a patch that is not hunks', () => {
    expect(() => parseGithubFile({ filename: 'a.ts', status: 'moved' })).toThrow(new DiffParseError(
      'unknown GitHub file status "moved" for a.ts; expected one of added, removed, modified, renamed, copied, changed, unchanged',
    ));
    expect(() => parseGithubFile({ filename: 'a.ts', status: 'renamed' })).toThrow(
      'GitHub file a.ts is "renamed" but has no previous_filename; pass the entry as the PR files API returns it',
    );
    expect(() => parseGithubFile({ filename: 'a.ts', status: 'modified', patch: 'diff --git a/a.ts b/a.ts\n@@ -1 +1 @@\n-a\n+b' })).toThrow(
      'bad GitHub patch for a.ts: line 1 is not a hunk header: "diff --git a/a.ts b/a.ts"; pass the "patch" field of a PR files API entry, which starts with "@@"',
    );
    expect(() => parseGithubFile({ filename: 'a.ts', status: 'modified', patch: '@@ -1,2 +1,2 @@\n-a\n+b' })).toThrow(
      'truncated diff: the hunk at line 1 (a.ts) promises 2 new lines but the diff ends after 1',
    );
  });
});
