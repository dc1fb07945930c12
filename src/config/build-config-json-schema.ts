import type { z } from 'zod';
import { buildJsonSchema } from './build-json-schema.js';
import { argusConfigSchema } from './schema/argus-config-schema.js';

/**
 * Where schema/argus.schema.json is published: npm ships the `schema` folder, and unpkg serves the latest
 * release's copy, so editors always get the schema of the newest Argus.
 */
export const CONFIG_SCHEMA_URL = 'https://unpkg.com/argus-review/schema/argus.schema.json';

/** The JSON schema of `.github/argus.yml` (schema/argus.schema.json), with every key's description and default. */
export function buildConfigJsonSchema(): z.core.JSONSchema.BaseSchema {
  return buildJsonSchema(argusConfigSchema, {
    id: CONFIG_SCHEMA_URL,
    title: 'Argus configuration (.github/argus.yml)',
    description:
      'Repository configuration for the Argus pull-request reviewer. Every key is optional; unknown keys are errors. Reference: docs/configuration.md.',
    io: 'input',
  });
}
