import { argusConfigSchema, type ArgusConfig } from './schema/argus-config-schema.js';

/** A fresh, mutable copy of the default configuration (what an empty or missing file means). */
export function defaultConfig(): ArgusConfig {
  return argusConfigSchema.parse({});
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The default configuration, deeply frozen because it is shared. Use `defaultConfig()` for a copy to change. */
export const DEFAULT_CONFIG: ArgusConfig = deepFreeze(defaultConfig());
