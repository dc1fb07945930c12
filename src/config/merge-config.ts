import type { ArgusConfig, ArgusConfigInput } from './schema/argus-config-schema.js';
import { validateConfig } from './validate-config.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // defineProperty: a "__proto__" key must become a key, not a prototype.
    Object.defineProperty(merged, key, { value: mergeValue(base[key], value), enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/**
 * Applies `override` (e.g. the CLI's `--fail-on`) over `base` and validates the result. Mappings merge key
 * by key (so `rules` entries add to the file's), lists and values replace, and `undefined` leaves the base
 * value, so options that were not given can be passed as they are. `base` is not modified.
 *
 * @throws ConfigError - when the result is invalid; lines are prefixed with `source`.
 */
export function mergeConfig(base: ArgusConfig, override: ArgusConfigInput, source = 'command line'): ArgusConfig {
  return validateConfig(mergeValue(base, override), source);
}
