import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandScanPaths } from '../../../src/local/scan-paths.js';
import { InputError } from '../../../src/local/input-error.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'argus-scan-'));
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  mkdirSync(join(root, 'node_modules/x'), { recursive: true });
  writeFileSync(join(root, 'src/a.ts'), '');
  writeFileSync(join(root, 'src/lib/b.js'), '');
  writeFileSync(join(root, 'src/lib/skip.md'), '');
  writeFileSync(join(root, 'node_modules/x/c.js'), '');
  return root;
}

describe('expandScanPaths', () => {
  it('walks folders, skips node_modules and what `keep` refuses, and keeps files named explicitly', async () => {
    const root = tree();
    const keep = (p: string): boolean => !p.endsWith('.md');
    expect(await expandScanPaths(['src'], root, keep)).toEqual(['src/a.ts', 'src/lib/b.js']);
    expect(await expandScanPaths(['src/lib/skip.md'], root, keep)).toEqual(['src/lib/skip.md']);
  });

  it('accepts absolute paths inside the working directory and refuses ones outside, saying what to do', async () => {
    const root = tree();
    expect(await expandScanPaths([join(root, 'src/a.ts')], root, () => true)).toEqual(['src/a.ts']);
    const elsewhere = mkdtempSync(join(tmpdir(), 'argus-cwd-'));
    await expect(expandScanPaths([join(root, 'src/a.ts')], elsewhere, () => true)).rejects.toThrow(
      `${join(root, 'src/a.ts')} is outside the working directory ${elsewhere}: run argus from a folder that contains it`,
    );
    await expect(expandScanPaths(['../'], join(root, 'src'), () => true)).rejects.toThrow(InputError);
  });

  it('rejects a missing path with a one-line InputError', async () => {
    await expect(expandScanPaths(['nowhere'], tree(), () => true)).rejects.toThrow(InputError);
  });
});
