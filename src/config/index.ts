/**
 * Repository configuration (`.github/argus.yml`): schema, parsing, defaults, path filtering, rule overrides,
 * and the generators for the published JSON schema and docs. Pure: callers read files and pass text in.
 */
export { argusConfigSchema, MAX_COMMENTS_LIMIT, MAX_INSTRUCTIONS_LENGTH } from './schema/argus-config-schema.js';
export type { ArgusConfig, ArgusConfigInput } from './schema/argus-config-schema.js';
export { pathsSchema, globSchema } from './schema/paths-schema.js';
export type { PathsConfig } from './schema/paths-schema.js';
export { llmSchema } from './schema/llm-schema.js';
export type { LlmConfig } from './schema/llm-schema.js';
export { semgrepSchema, MAX_SEMGREP_TIMEOUT_SECONDS } from './schema/semgrep-schema.js';
export type { SemgrepConfig } from './schema/semgrep-schema.js';
export { rulesSchema, ruleIdSchema, RULE_ID_PATTERN } from './schema/rules-schema.js';
export type { RulesConfig } from './schema/rules-schema.js';
export { severityOrOffSchema, severitySettingSchema, SEVERITY_OR_OFF } from './schema/severity-setting.js';
export type { SeverityOrOff } from './schema/severity-setting.js';
export { ConfigError } from './config-error.js';
export { parseConfig } from './parse-config.js';
export { readConfigYaml, MAX_CONFIG_LENGTH } from './read-config-yaml.js';
export { validateConfig } from './validate-config.js';
export { mergeConfig } from './merge-config.js';
export { DEFAULT_CONFIG, defaultConfig } from './default-config.js';
export { DEFAULT_EXCLUDES, DEFAULT_EXCLUDE_GROUPS } from './default-excludes.js';
export { createPathFilter } from './create-path-filter.js';
export { isPathIncluded } from './is-path-included.js';
export { effectiveRuleSeverity } from './effective-rule-severity.js';
export { unknownRuleIds } from './unknown-rule-ids.js';
export { closestMatch } from './closest-match.js';
export { buildJsonSchema } from './build-json-schema.js';
export type { JsonSchemaMeta } from './build-json-schema.js';
export { buildConfigJsonSchema, CONFIG_SCHEMA_URL } from './build-config-json-schema.js';
export { renderConfigTable } from './render-config-table.js';
export { replaceConfigTable, CONFIG_TABLE_START, CONFIG_TABLE_END } from './replace-config-table.js';
export { renderConfigReference } from './render-config-reference.js';
export { EXAMPLE_CONFIG_YAML } from './example-config.js';
export { replaceMarkedBlock } from './replace-marked-block.js';
