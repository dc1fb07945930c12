import { SEVERITIES } from '../findings/finding.js';
import { buildConfigJsonSchema, CONFIG_SCHEMA_URL } from './build-config-json-schema.js';
import { collectConfigKeys } from './collect-config-keys.js';
import { ConfigError } from './config-error.js';
import { DEFAULT_EXCLUDE_GROUPS } from './default-excludes.js';
import { EXAMPLE_CONFIG_YAML } from './example-config.js';
import { parseConfig } from './parse-config.js';
import { renderConfigTable } from './render-config-table.js';

const CONFIG_PATH = '.github/argus.yml';

/** A file with one mistake of each common kind, to show real error messages. */
const BROKEN_EXAMPLE = `max_coments: 5
fail_on: loud
paths:
  exclude: dist/**
rules:
  self-comparison: sometimes
`;

function errorLines(): string {
  try {
    parseConfig(BROKEN_EXAMPLE, CONFIG_PATH);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('BROKEN_EXAMPLE parsed without errors: make it invalid again');
}

function keySections(): string[] {
  return collectConfigKeys(buildConfigJsonSchema()).flatMap((doc) => [
    `### \`${doc.key}\``,
    '',
    doc.description,
    '',
    `- Type: \`${doc.type}\``,
    ...(doc.default === undefined ? [] : [`- Default: \`${JSON.stringify(doc.default)}\``]),
    ...doc.examples.map((example) => `- Example: \`${JSON.stringify(example)}\``),
    '',
  ]);
}

function defaultExcludeSections(): string[] {
  return DEFAULT_EXCLUDE_GROUPS.flatMap((group) => [
    `- ${group.name}: ${group.patterns.map((pattern) => `\`${pattern}\``).join(', ')}`,
  ]);
}

/**
 * The full configuration reference, docs/configuration.md: where the file lives, editor support, a complete
 * example, the key table, one section per key, path matching, the default excludes and what errors look like.
 * Generated from the schema so it cannot drift from the code.
 */
export function renderConfigReference(): string {
  return [
    '# Configuration',
    '',
    '<!-- Generated from src/config by `npm run gen:schema`; edit the schema, not this file. -->',
    '',
    `Argus reads \`${CONFIG_PATH}\`. The App reads it from the pull request's base branch, so a pull request`,
    'cannot switch off or weaken its own review; the CLI reads it from the base ref it compares against, else',
    'from the working tree (or from `--config FILE`).',
    '',
    'Every key is optional: a missing or empty file means the defaults below. Unknown keys and invalid values are',
    'errors, reported one line per problem with the key and what is expected, so a typo never silently falls back',
    'to a default.',
    '',
    '## Editor support',
    '',
    `The JSON schema is published at <${CONFIG_SCHEMA_URL}> (also \`schema/argus.schema.json\` in the`,
    'npm package). With the YAML extension for VS Code (or any editor using yaml-language-server), start the',
    'file with this line to get completion, hover documentation and validation:',
    '',
    '```yaml',
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    '```',
    '',
    '## Example',
    '',
    '```yaml',
    EXAMPLE_CONFIG_YAML.trimEnd(),
    '```',
    '',
    '## Keys',
    '',
    renderConfigTable().trimEnd(),
    '',
    ...keySections(),
    '## Severities',
    '',
    `From most to least severe: ${SEVERITIES.map((s) => `\`${s}\``).join(', ')}. A threshold includes`,
    'everything at or above it: `min_severity: medium` comments on medium, high and critical findings.',
    '`"off"` (in `fail_on` and `rules`) disables the check or the rule. Quote it (`"off"`) if other YAML tools',
    'read the file too: YAML 1.1 parsers read a bare `off` as false.',
    '',
    'Rule ids in `rules` must look like `sql-injection` or `js/eval` (lowercase letters, digits, `-` and `/`).',
    'Argus reports ids that match no known rule, so a misspelt id does not go unnoticed.',
    '',
    '## Path matching',
    '',
    '- Paths are relative to the repository root, with `/` separators; globs use [picomatch](https://github.com/micromatch/picomatch) syntax.',
    '- A file is reviewed when it matches a `paths.include` glob and no exclude glob.',
    '- Dot files and dot folders (`.github/workflows/ci.yml`) match like any other file.',
    '- A glob without a `/` matches the file name in any folder, as in `.gitignore`: `*.lock` skips `packages/api/Cargo.lock`. To match a folder, write `folder/**`.',
    '- Matching is case-sensitive.',
    '- Globs may not start with `/`, `./` or `!`.',
    '',
    '### Default excludes',
    '',
    'Unless `paths.exclude_defaults` is `false`, these are skipped as well as anything in `paths.exclude`:',
    '',
    ...defaultExcludeSections(),
    '',
    'To review one of them (say `dist/**`), set `exclude_defaults: false` and copy the rest into `paths.exclude`.',
    '',
    '## Errors',
    '',
    'A file with mistakes is rejected as a whole, and every problem is listed. For example, this file:',
    '',
    '```yaml',
    BROKEN_EXAMPLE.trimEnd(),
    '```',
    '',
    'is reported as:',
    '',
    '```text',
    errorLines(),
    '```',
    '',
  ].join('\n');
}
