import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/diff/index.js';
import { summarizeFile, type FileSummary } from './summarize-file.js';

// The same cases and expectations `npm run bench:diff` scores parse-diff and jsdiff against.
const dir = new URL('../../../fixtures/diff/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as Record<string, FileSummary[] | { throws: string }>;

describe('parseDiff on the captured edge cases (fixtures/diff/cases)', () => {
  it('covers every captured diff', () => {
    expect(Object.keys(cases)).toHaveLength(22);
  });

  for (const [name, expected] of Object.entries(cases)) {
    it(name, () => {
      const text = readFileSync(new URL(`cases/${name}`, dir), 'utf8');
      if ('throws' in expected) expect(() => parseDiff(text)).toThrow(expected.throws);
      else expect(parseDiff(text).map(summarizeFile)).toEqual(expected);
    });
  }
});
