import { createPathFilter } from './create-path-filter.js';
import type { ArgusConfig } from './schema/argus-config-schema.js';
import type { PathsConfig } from './schema/paths-schema.js';

interface CachedFilter {
  key: string;
  filter: (path: string) => boolean;
}

// Compiling ~30 globs per call adds up over a large diff; the key guards against a config changed in place.
const cache = new WeakMap<PathsConfig, CachedFilter>();

/**
 * True when Argus should review the file at `path` (repository-relative, forward slashes) under `config`:
 * it matches `paths.include` and none of the excludes. See `createPathFilter` for the matching rules.
 */
export function isPathIncluded(config: ArgusConfig, path: string): boolean {
  const key = JSON.stringify(config.paths);
  let cached = cache.get(config.paths);
  if (cached?.key !== key) {
    cached = { key, filter: createPathFilter(config.paths) };
    cache.set(config.paths, cached);
  }
  return cached.filter(path);
}
