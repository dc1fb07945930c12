import { CONFIG_SCHEMA_URL } from './build-config-json-schema.js';

/**
 * A complete `.github/argus.yml` using every key, shown in docs/configuration.md. Tests check that it parses
 * and that the published JSON schema accepts it, so the docs cannot show a broken example.
 */
export const EXAMPLE_CONFIG_YAML = `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}
enabled: true

paths:
  include:
    - "src/**"
    - "lib/**"
  exclude:
    - "docs/**"
    - "**/*.test.ts"
  exclude_defaults: true   # keep skipping lock files, bundles, vendored and generated code

min_severity: medium       # comment on medium, high and critical findings
fail_on: critical          # fail the check only for critical findings ("off": never)
max_comments: 15

rules:
  self-comparison: high    # report at another severity than the rule's own
  await-in-foreach: "off"  # never report

llm:
  enabled: true
  model: null              # ARGUS_MODEL, or the built-in default

semgrep:
  enabled: auto            # run when semgrep is installed, skip silently when not
  binary: null             # find semgrep on PATH
  configs:
    - "p/default"          # registry rulesets need network access
    - "tools/semgrep/"     # local rule files work offline
  timeout_seconds: 60

instructions: |
  We use Result types instead of exceptions; flag any new throw in src/domain.
  Public functions in src/api need TSDoc.

language: en
`;
