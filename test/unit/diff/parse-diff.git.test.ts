import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiff, type DiffFile, type DiffLine } from '../../../src/diff/index.js';
import { createTempRepo as createGitRepo, type TempRepo as GitRepo } from '../../helpers/git-repo.js';
import { summarizeFile } from './summarize-file.js';

const ctx = (oldLine: number, newLine: number, content: string): DiffLine => ({ kind: 'context', content, oldLine, newLine });
const add = (newLine: number, content: string): DiffLine => ({ kind: 'add', content, oldLine: null, newLine });
const del = (oldLine: number, content: string): DiffLine => ({ kind: 'del', content, oldLine, newLine: null });

/** A whole DiffFile; everything a case does not mention is the "no content" value. */
function file(f: Partial<DiffFile> & Pick<DiffFile, 'path' | 'oldPath' | 'status'>): DiffFile {
  return {
    binary: false, oldMode: '100644', newMode: '100644', hunks: [], noPatch: null,
    addedLines: new Set(), commentableLines: new Set(), additions: 0, deletions: 0, ...f,
  };
}

const lines = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');

let repo: GitRepo;
let files: DiffFile[];
const byPath = (path: string): DiffFile | undefined => files.find((f) => f.path === path);

beforeAll(() => {
  repo = createGitRepo();
  repo.write('deleted.txt', 'one\ntwo\nthree\n');
  repo.write('old.txt', lines('o', 8));
  repo.write('edit.txt', lines('a', 10));
  repo.write('src.txt', lines('c', 12));
  repo.write('run.sh', '#!/bin/sh\necho hi\n');
  repo.write('img.bin', Uint8Array.from([0, 1, 2, 98, 105, 110]));
  repo.write('nonl.txt', 'x\ny\nz');
  repo.write('tail.txt', 'a\nb');
  repo.write('crlf.txt', 'r1\r\nr2\r\nr3\r\n');
  repo.write('café.txt', 'bonjour\n');
  repo.write('my file.txt', 'hello\n');
  repo.write('old name.txt', 'space\nname\n');
  repo.write('fn.js', 'function first() {\n  return 1;\n}\n\nfunction second() {\n  const a = 1;\n  const b = 2;\n  const c = 3;\n  const d = 4;\n  return a + b + c + d;\n}\n');
  repo.write('multi.txt', lines('L', 30));
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'base');

  repo.write('added.txt', 'new\nfile\n');
  repo.write('empty.txt', '');
  repo.git('rm', '-q', 'deleted.txt');
  repo.git('mv', 'old.txt', 'new.txt');
  repo.git('mv', 'edit.txt', 'edited.txt');
  repo.write('edited.txt', lines('a', 10).replace('a5\n', 'A5\n'));
  repo.write('copy.txt', lines('c', 12));
  repo.chmod('run.sh', 0o755);
  repo.write('img.bin', Uint8Array.from([0, 1, 3, 98, 105, 110, 50]));
  repo.write('nonl.txt', 'x\nY\nz');
  repo.write('tail.txt', 'a\nb\nc\n');
  repo.write('crlf.txt', 'r1\r\nR2\r\nr3\r\n');
  repo.write('café.txt', 'bonjour\nsalut\n');
  repo.write('my file.txt', 'hello\nworld\n');
  repo.git('mv', 'old name.txt', 'new name.txt');
  repo.write('new name.txt', 'space\nname\nmore\n');
  repo.write('fn.js', 'function first() {\n  return 1;\n}\n\nfunction second() {\n  const a = 1;\n  const b = 2;\n  const c = 3;\n  const d = 40;\n  return a + b + c + d;\n}\n');
  repo.write('multi.txt', lines('L', 30).replace('L2\n', 'L2\ninserted\n').replace('L25\n', 'L25!\n'));
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'change everything', '-m', 'A body line.');
  files = parseDiff(repo.git('diff', '-M', '-C', '-C', 'HEAD~1', 'HEAD'));
});

afterAll(() => repo.remove());

describe('parseDiff on real git output', () => {
  it('finds every file, in git order, with quoted and spaced paths decoded', () => {
    expect(files.map((f) => f.path)).toEqual([
      'added.txt', 'café.txt', 'copy.txt', 'crlf.txt', 'deleted.txt', 'edited.txt', 'empty.txt', 'fn.js', 'img.bin',
      'multi.txt', 'my file.txt', 'new name.txt', 'new.txt', 'nonl.txt', 'run.sh', 'tail.txt',
    ]);
  });

  it('parses an added file', () => {
    expect(byPath('added.txt')).toEqual(file({
      path: 'added.txt', oldPath: null, status: 'added', oldMode: null,
      hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, section: '', lines: [add(1, 'new'), add(2, 'file')] }],
      addedLines: new Set([1, 2]), commentableLines: new Set([1, 2]), additions: 2,
    }));
  });

  it('parses a deleted file: no commentable lines', () => {
    expect(byPath('deleted.txt')).toEqual(file({
      path: 'deleted.txt', oldPath: 'deleted.txt', status: 'deleted', newMode: null,
      hunks: [{ oldStart: 1, oldLines: 3, newStart: 0, newLines: 0, section: '', lines: [del(1, 'one'), del(2, 'two'), del(3, 'three')] }],
      deletions: 3,
    }));
  });

  it('parses a pure rename (similarity index 100%) as unchanged, without modes', () => {
    expect(byPath('new.txt')).toEqual(file({
      path: 'new.txt', oldPath: 'old.txt', status: 'renamed', oldMode: null, newMode: null, noPatch: 'unchanged',
    }));
  });

  it('parses a rename with an edit, including the section text', () => {
    expect(byPath('edited.txt')).toEqual(file({
      path: 'edited.txt', oldPath: 'edit.txt', status: 'renamed',
      hunks: [{
        oldStart: 2, oldLines: 7, newStart: 2, newLines: 7, section: 'a1',
        lines: [ctx(2, 2, 'a2'), ctx(3, 3, 'a3'), ctx(4, 4, 'a4'), del(5, 'a5'), add(5, 'A5'), ctx(6, 6, 'a6'), ctx(7, 7, 'a7'), ctx(8, 8, 'a8')],
      }],
      addedLines: new Set([5]), commentableLines: new Set([2, 3, 4, 5, 6, 7, 8]), additions: 1, deletions: 1,
    }));
  });

  it('parses a copy found with -C -C', () => {
    expect(byPath('copy.txt')).toEqual(file({
      path: 'copy.txt', oldPath: 'src.txt', status: 'copied', oldMode: null, newMode: null, noPatch: 'unchanged',
    }));
  });

  it('parses a mode-only change', () => {
    expect(byPath('run.sh')).toEqual(file({
      path: 'run.sh', oldPath: 'run.sh', status: 'modified', oldMode: '100644', newMode: '100755', noPatch: 'mode-only',
    }));
  });

  it('parses "Binary files ... differ"', () => {
    expect(byPath('img.bin')).toEqual(file({ path: 'img.bin', oldPath: 'img.bin', status: 'modified', binary: true, noPatch: 'binary' }));
  });

  it('parses a GIT binary patch and resumes at the next file', () => {
    const out = parseDiff(repo.git('diff', '--binary', 'HEAD~1', 'HEAD', '--', 'img.bin', 'multi.txt'));
    expect(repo.git('diff', '--binary', 'HEAD~1', 'HEAD', '--', 'img.bin')).toContain('GIT binary patch\nliteral 7\n');
    expect(out.map(summarizeFile)).toEqual([
      summarizeFile(file({ path: 'img.bin', oldPath: 'img.bin', status: 'modified', binary: true, noPatch: 'binary' })),
      summarizeFile(byPath('multi.txt')!),
    ]);
  });

  it('parses an empty new file', () => {
    expect(byPath('empty.txt')).toEqual(file({ path: 'empty.txt', oldPath: null, status: 'added', oldMode: null, noPatch: 'empty' }));
  });

  it('skips "\\ No newline at end of file" after a context line without counting it', () => {
    expect(byPath('nonl.txt')?.hunks).toEqual([
      { oldStart: 1, oldLines: 3, newStart: 1, newLines: 3, section: '', lines: [ctx(1, 1, 'x'), del(2, 'y'), add(2, 'Y'), ctx(3, 3, 'z')] },
    ]);
    expect(byPath('nonl.txt')?.commentableLines).toEqual(new Set([1, 2, 3]));
  });

  it('skips "\\ No newline at end of file" in the middle of a hunk without shifting numbers', () => {
    expect(repo.git('diff', 'HEAD~1', 'HEAD', '--', 'tail.txt')).toContain('-b\n\\ No newline at end of file\n+b\n+c\n');
    expect(byPath('tail.txt')).toEqual(file({
      path: 'tail.txt', oldPath: 'tail.txt', status: 'modified',
      hunks: [{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 3, section: '', lines: [ctx(1, 1, 'a'), del(2, 'b'), add(2, 'b'), add(3, 'c')] }],
      addedLines: new Set([2, 3]), commentableLines: new Set([1, 2, 3]), additions: 2, deletions: 1,
    }));
  });

  it('keeps CRs of a CRLF file out of the content', () => {
    expect(byPath('crlf.txt')?.hunks[0]?.lines).toEqual([ctx(1, 1, 'r1'), del(2, 'r2'), add(2, 'R2'), ctx(3, 3, 'r3')]);
  });

  it('decodes an octal-quoted non-ASCII path (core.quotePath on)', () => {
    expect(repo.git('diff', 'HEAD~1', 'HEAD', '--', 'café.txt')).toContain('diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"');
    expect(byPath('café.txt')).toEqual(file({
      path: 'café.txt', oldPath: 'café.txt', status: 'modified',
      hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 2, section: '', lines: [ctx(1, 1, 'bonjour'), add(2, 'salut')] }],
      addedLines: new Set([2]), commentableLines: new Set([1, 2]), additions: 1,
    }));
  });

  it('reads an unquoted path with spaces, and a rename between such paths', () => {
    expect(byPath('my file.txt')).toEqual(file({
      path: 'my file.txt', oldPath: 'my file.txt', status: 'modified',
      hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 2, section: '', lines: [ctx(1, 1, 'hello'), add(2, 'world')] }],
      addedLines: new Set([2]), commentableLines: new Set([1, 2]), additions: 1,
    }));
    expect(byPath('new name.txt')).toMatchObject({ path: 'new name.txt', oldPath: 'old name.txt', status: 'renamed', addedLines: new Set([3]) });
  });

  it('numbers lines across hunks and keeps the function context', () => {
    expect(byPath('multi.txt')?.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([[1, 5, 1, 6], [22, 7, 23, 7]]);
    expect(byPath('multi.txt')?.addedLines).toEqual(new Set([3, 26]));
    expect(byPath('multi.txt')?.commentableLines).toEqual(new Set([1, 2, 3, 4, 5, 6, 23, 24, 25, 26, 27, 28, 29]));
    expect(byPath('fn.js')?.hunks[0]).toMatchObject({ oldStart: 6, newStart: 6, section: 'function second() {' });
  });

  it('skips the commit headers of git show and git format-patch, and the mail signature', () => {
    const expected = files.map(summarizeFile);
    expect(parseDiff(repo.git('show', '-M', '-C', '-C', 'HEAD')).map(summarizeFile)).toEqual(expected);
    const patch = repo.git('format-patch', '-1', '--stdout', '-M', '-C', '-C', 'HEAD');
    expect(patch).toMatch(/^From [0-9a-f]{40} /);
    expect(patch).toMatch(/\n-- \n2\.\d+/);
    // format-patch writes binary changes as GIT binary patch; same result.
    expect(parseDiff(patch).map(summarizeFile)).toEqual(expected);
  });

  it('gives the same files when the whole diff has CRLF line endings', () => {
    const text = repo.git('diff', '-M', 'HEAD~1', 'HEAD', '--', 'fn.js', 'multi.txt', 'nonl.txt', 'tail.txt');
    expect(parseDiff(text.replace(/\n/g, '\r\n')).map(summarizeFile)).toEqual(parseDiff(text).map(summarizeFile));
    expect(parseDiff(text)).toHaveLength(4);
  });
});
