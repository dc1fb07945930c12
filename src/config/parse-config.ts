import { readConfigYaml } from './read-config-yaml.js';
import type { ArgusConfig } from './schema/argus-config-schema.js';
import { validateConfig } from './validate-config.js';

/**
 * Parses and validates the text of `.github/argus.yml`. An empty file means all defaults. Reading the file
 * is the caller's job (this module stays pure); `source` is the name used in error messages.
 *
 * @throws ConfigError - for YAML syntax errors (with line and column) and for invalid settings (with key paths).
 */
export function parseConfig(text: string, source: string): ArgusConfig {
  return validateConfig(readConfigYaml(text, source), source);
}
