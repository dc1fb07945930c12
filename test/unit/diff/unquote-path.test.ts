import { describe, expect, it } from 'vitest';
import { splitGitHeader } from '../../../src/diff/split-git-header.js';
import { unquotePath } from '../../../src/diff/unquote-path.js';

describe('unquotePath', () => {
  it('decodes octal bytes as UTF-8 and C escapes', () => {
    expect(unquotePath('"caf\\303\\251 \\360\\237\\230\\200.txt"')).toEqual({ path: 'café 😀.txt', end: 34 });
    expect(unquotePath('"a\\tb\\nc\\\\d\\"e"')).toEqual({ path: 'a\tb\nc\\d"e', end: 15 });
    expect(unquotePath('x "b/\\303\\251" y', 2)).toEqual({ path: 'b/é', end: 14 });
  });

  it('returns null for unterminated quotes and unknown escapes', () => {
    expect(unquotePath('"abc')).toBeNull();
    expect(unquotePath('"a\\qb"')).toBeNull();
    expect(unquotePath('abc')).toBeNull();
  });
});

describe('splitGitHeader', () => {
  it('splits same-path headers, even with spaces', () => {
    expect(splitGitHeader('diff --git a/x y/z w b/x y/z w')).toEqual({ oldPath: 'x y/z w', newPath: 'x y/z w', oldPrefix: 'a/', newPrefix: 'b/' });
  });

  it('splits renames without spaces, and quoted halves', () => {
    expect(splitGitHeader('diff --git a/old b/new')).toEqual({ oldPath: 'old', newPath: 'new', oldPrefix: 'a/', newPrefix: 'b/' });
    expect(splitGitHeader('diff --git a/plain "b/caf\\303\\251"')).toEqual({ oldPath: 'plain', newPath: 'café', oldPrefix: 'a/', newPrefix: 'b/' });
  });

  it('gives up on a rename between paths with spaces (rename lines decide)', () => {
    expect(splitGitHeader('diff --git a/my file.txt b/your file.txt')).toBeNull();
  });
});
