import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root directory (the one whose package.json names this package), found by walking up from
 * `from`: the same whether a benchmark runs from its TypeScript source under tsx or compiled into
 * `.bench-build/` (see tsconfig.bench.json).
 */
export function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'argus-review') return dir;
    if (dirname(dir) === dir) throw new Error(`no argus-review package.json above ${from}: run the benchmark from the project checkout`);
  }
}
