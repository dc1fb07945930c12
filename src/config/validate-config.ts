import { ConfigError } from './config-error.js';
import { configErrorMap } from './config-error-map.js';
import { formatConfigIssues } from './format-config-issues.js';
import { argusConfigSchema, type ArgusConfig } from './schema/argus-config-schema.js';

/**
 * Validates already-parsed config data and fills in defaults. `null` or `undefined` (an empty file) gives
 * the defaults. Throws a `ConfigError` with one line per problem, each prefixed with `source`.
 */
export function validateConfig(data: unknown, source: string): ArgusConfig {
  const input = data ?? {};
  const result = argusConfigSchema.safeParse(input, { error: configErrorMap, reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(source, formatConfigIssues(result.error.issues, source, argusConfigSchema, input));
}
