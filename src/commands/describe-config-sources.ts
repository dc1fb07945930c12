import { buildConfigJsonSchema, type ArgusConfig } from '../config/index.js';
import { collectConfigKeys } from '../config/collect-config-keys.js';

/** One setting in force, and where its value came from. */
export interface ConfigSourceRow {
  key: string;
  value: unknown;
  source: 'default' | 'file' | 'app';
}

/**
 * Every documented setting (the config schema's leaves, in declaration order) with its effective value and
 * its source: `file` when `.github/argus.yml` sets the key, `app` when the App overrode it (see
 * hardenAppConfig), else `default`. Pure; `raw` is the file's parsed YAML (null without a file).
 */
export function describeConfigSources(effective: ArgusConfig, raw: unknown, parsed: ArgusConfig): ConfigSourceRow[] {
  return collectConfigKeys(buildConfigJsonSchema()).map(({ key }) => {
    const path = key.split('.');
    const value = at(effective, path);
    const inFile = has(raw, path);
    const source = JSON.stringify(value) !== JSON.stringify(at(parsed, path)) ? 'app' : inFile ? 'file' : 'default';
    return { key, value, source };
  });
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function has(value: unknown, path: readonly string[]): boolean {
  return at(value, path) !== undefined;
}
