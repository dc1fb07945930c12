import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_FLAGS, tuneHeap } from '../../../src/static/heap-tuning.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('HEAP_FLAGS', () => {
  it('are on the node command line of the Docker image and of `npm start`', () => {
    const cmd = read('Dockerfile')
      .split('\n')
      .find((line) => line.startsWith('CMD '))!;
    expect(JSON.parse(cmd.slice(4))).toEqual(['node', ...HEAP_FLAGS, 'node_modules/probot/bin/probot.js', 'run', './dist/index.js']);
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toBe(`node ${HEAP_FLAGS.join(' ')} node_modules/probot/bin/probot.js run ./dist/index.js`);
  });

  it('are set by the CLI launcher before it loads the CLI', () => {
    const launcher = read('bin/argus.js');
    const tune = launcher.indexOf("(await import('../dist/static/heap-tuning.js')).tuneHeap();");
    expect(tune).toBeGreaterThan(0);
    expect(tune).toBeLessThan(launcher.indexOf("await import('../dist/cli/main.js')"));
  });

  it('are flags this V8 knows (setFlagsFromString would ignore one it does not)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of HEAP_FLAGS) expect(known).toContain(`  ${flag.replace(/^--no-/, '--')} (`);
    tuneHeap();
  });
});
