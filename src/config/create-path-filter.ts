import picomatch from 'picomatch';
import { DEFAULT_EXCLUDES } from './default-excludes.js';
import type { PathsConfig } from './schema/paths-schema.js';

/**
 * Compiles `paths` into a predicate over repository-relative paths (`src/a.ts`, forward slashes): true when
 * the file matches an include glob and no exclude glob (the defaults first, unless `exclude_defaults` is
 * false). Dot files match like any other. A glob without a slash matches the file name in any directory,
 * as in .gitignore, so `yarn.lock` also skips `packages/web/yarn.lock`. Matching is case-sensitive, like git.
 */
export function createPathFilter(paths: PathsConfig): (path: string) => boolean {
  const options: picomatch.PicomatchOptions = { dot: true, basename: true };
  const excludes = paths.exclude_defaults ? [...DEFAULT_EXCLUDES, ...paths.exclude] : paths.exclude;
  const included = picomatch(paths.include, options);
  const excluded = excludes.length > 0 ? picomatch(excludes, options) : () => false;
  return (path) => {
    const relative = path.replace(/^(?:\.\/)+/, '');
    return included(relative) && !excluded(relative);
  };
}
