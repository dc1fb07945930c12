import { describe, expect, it } from 'vitest';
import { DiffParseError, parseDiff } from '../../../src/diff/index.js';
import { summarizeFile } from './summarize-file.js';

const MODIFIED = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -10,4 +10,7 @@ export function a() {',
  '   one();',
  '+  two();',
  '+  three();',
  '+  four();',
  '   five();',
  '   six();',
  '   seven();',
  '',
].join('\n');

function errorOf(text: string): string {
  try {
    parseDiff(text);
  } catch (err) {
    expect(err).toBeInstanceOf(DiffParseError);
    return (err as Error).message;
  }
  throw new Error('parseDiff did not throw');
}

describe('parseDiff', () => {
  it('returns [] for empty or whitespace-only input', () => {
    expect(parseDiff('')).toEqual([]);
    expect(parseDiff(' \n\t\r\n')).toEqual([]);
  });

  it('rejects text without any file header', () => {
    expect(errorOf('This is not a diff.\nJust a note about a/b and b/c.\n')).toBe(
      'not a unified diff: no "diff --git" or "---"/"+++" file header found; pass the output of "git diff" (for a GitHub "patch", which has hunks only, use parseGithubFile)',
    );
    expect(() => parseDiff('@@ -1 +1 @@\n-a\n+b\n')).toThrow(/^not a unified diff: /);
  });

  it('rejects a diff that ends inside a hunk, saying where', () => {
    const truncated = MODIFIED.split('\n').slice(0, 9).join('\n');
    expect(errorOf(truncated)).toBe('truncated diff: the hunk at line 5 (src/a.ts) promises 7 new lines but the diff ends after 4');
    expect(errorOf('--- a/x\n+++ b/x\n@@ -1,3 +1,0 @@\n-a\n')).toBe(
      'truncated diff: the hunk at line 3 (x) promises 3 old lines but the diff ends after 1',
    );
  });

  it('rejects a hunk cut short by the next file', () => {
    const text = MODIFIED.split('\n').slice(0, 9).join('\n') + '\ndiff --git a/b.ts b/b.ts\n';
    expect(errorOf(text)).toBe(
      'truncated hunk: the hunk at line 5 (src/a.ts) promises 7 new lines but line 10 ends it after 4: "diff --git a/b.ts b/b.ts"',
    );
  });

  it('rejects a hunk with more lines of one side than its header promises', () => {
    expect(errorOf('--- a/x\n+++ b/x\n@@ -1,2 +1,1 @@\n a\n+b\n-c\n')).toBe(
      'malformed hunk: the hunk at line 3 (x) promises 1 new lines but line 5 is one more: "+b"',
    );
  });

  it('rejects a hunk header that does not parse', () => {
    expect(errorOf(MODIFIED.replace('@@ -10,4 +10,7 @@', '@@ -10,4 +10,x @@'))).toBe(
      'bad hunk header at line 5 (src/a.ts): "@@ -10,4 +10,x @@ export function a() {"; expected "@@ -<start>[,<count>] +<start>[,<count>] @@"',
    );
    expect(errorOf('--- a/x\n+++ b/x\n@@@ -1,1 -1,1 +1,1 @@@\n')).toBe(
      'combined diff at line 3 (x): "@@@ -1,1 -1,1 +1,1 @@@" is a merge-commit hunk, which is not supported; diff against one parent, e.g. "git diff <base>...<head>"',
    );
    expect(errorOf('diff --cc x\nindex 1,2..3\n')).toBe(
      'combined diff at line 1: "diff --cc x" is a merge-commit diff, which is not supported; diff against one parent, e.g. "git diff <base>...<head>"',
    );
  });

  it('counts lines by the hunk header, so deleted "-- x" and added "++ y" lines are not file headers', () => {
    const text = 'diff --git a/m.md b/m.md\n--- a/m.md\n+++ b/m.md\n@@ -1,2 +1,2 @@\n--- x\n+++ y\n ok\n';
    expect(summarizeFile(parseDiff(text)[0]!).lines).toEqual(['@@ -1,2 +1,2 @@', 'del 1 - "-- x"', 'add - 1 "++ y"', 'context 2 2 "ok"']);
  });

  it('reads omitted counts as 1 and keeps an empty context line whose space was stripped', () => {
    const [f] = parseDiff('--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n\n+b\n');
    expect(f!.hunks).toEqual([{
      oldStart: 1, oldLines: 1, newStart: 1, newLines: 2, section: '',
      lines: [{ kind: 'context', content: '', oldLine: 1, newLine: 1 }, { kind: 'add', content: 'b', oldLine: null, newLine: 2 }],
    }]);
  });

  it('parses a plain diff -u with timestamps and no diff --git line', () => {
    const text = [
      '--- src/app.js.orig\t2024-05-01 10:00:00.000000000 +0200',
      '+++ src/app.js\t2024-05-01 10:05:00.000000000 +0200',
      '@@ -1,2 +1,2 @@',
      '-let a = 1;',
      '+const a = 1;',
      ' export { a };',
      '--- /dev/null\t1970-01-01 00:00:00.000000000 +0000',
      '+++ b/new.js\t2024-05-01 10:05:00.000000000 +0200',
      '@@ -0,0 +1 @@',
      '+new();',
    ].join('\n');
    expect(parseDiff(text).map((f) => [f.path, f.oldPath, f.status, f.oldMode, [...f.addedLines]])).toEqual([
      ['src/app.js', 'src/app.js.orig', 'modified', null, [1]],
      ['new.js', null, 'added', null, [1]],
    ]);
  });

  it('strips the differing first directory of diff -ru old new', () => {
    const text = 'diff -ru old/p.txt new/p.txt\n--- old/p.txt\t2024-05-01\n+++ new/p.txt\t2024-05-01\n@@ -1 +1 @@\n-a\n+b\n';
    expect(parseDiff(text).map((f) => [f.path, f.oldPath])).toEqual([['p.txt', 'p.txt']]);
  });

  it('honours --no-prefix and mnemonic prefixes', () => {
    const noPrefix = 'diff --git src/x.ts src/x.ts\nindex 1..2 100644\n--- src/x.ts\n+++ src/x.ts\n@@ -1 +1 @@\n-a\n+b\n';
    expect(parseDiff(noPrefix).map((f) => f.path)).toEqual(['src/x.ts']);
    const mnemonic = 'diff --git i/src/x.ts w/src/x.ts\nindex 1..2 100644\n--- i/src/x.ts\n+++ w/src/x.ts\n@@ -1 +1 @@\n-a\n+b\n';
    expect(parseDiff(mnemonic).map((f) => [f.path, f.oldPath])).toEqual([['src/x.ts', 'src/x.ts']]);
  });

  it('decodes quoted rename lines and quoted ---/+++ lines with escapes', () => {
    const text = [
      'diff --git "a/tab\\there.txt" "b/na\\303\\257ve \\"q\\".txt"',
      'similarity index 90%',
      'rename from "tab\\there.txt"',
      'rename to "na\\303\\257ve \\"q\\".txt"',
      '--- "a/tab\\there.txt"',
      '+++ "b/na\\303\\257ve \\"q\\".txt"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    expect(parseDiff(text).map((f) => [f.path, f.oldPath, f.status])).toEqual([['naïve "q".txt', 'tab\there.txt', 'renamed']]);
  });
});
