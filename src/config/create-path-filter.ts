import picomatch from 'picomatch';
import { DEFAULT_EXCLUDES } from './default-excludes.js';
import type { PathsConfig } from './schema/paths-schema.js';

/**
 * picomatch's own `basename` option applies to every pattern, slashes or not, so the .gitignore rule is
 * spelt out: a pattern without a slash gets a `**\/` prefix.
 */
function compile(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(
    globs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)),
    { dot: true },
  );
}

/**
 * Compiles `paths` into a predicate over repository-relative paths (`src/a.ts`, forward slashes): true when
 * the file matches an include glob and no exclude glob (the defaults first, unless `exclude_defaults` is
 * false). Dot files match like any other. A glob without a slash matches the file name in any directory,
 * as in .gitignore, so `yarn.lock` also skips `packages/web/yarn.lock`. Matching is case-sensitive, like git.
 */
export function createPathFilter(paths: PathsConfig): (path: string) => boolean {
  const excludes = paths.exclude_defaults ? [...DEFAULT_EXCLUDES, ...paths.exclude] : paths.exclude;
  const included = compile(paths.include);
  const excluded = compile(excludes);
  return (path) => {
    const relative = path.replace(/^(?:\.\/)+/, '');
    return included(relative) && !excluded(relative);
  };
}
