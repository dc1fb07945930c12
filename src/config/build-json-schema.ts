import { z } from 'zod';

/** What identifies a published JSON schema. */
export interface JsonSchemaMeta {
  /** Absolute URL the schema is published at; editors use it as the schema's identity. */
  id: string;
  title: string;
  description: string;
  /**
   * `input` for files people write (keys with defaults are optional), `output` for data Argus produces
   * (every key is present).
   */
  io: 'input' | 'output';
  /**
   * Leave non-strict objects open (no `additionalProperties: false`). For output contracts that only ever
   * add fields: a consumer validating with an older schema must still accept newer output. Strict objects
   * (`z.strictObject`) stay closed either way.
   */
  openObjects?: boolean;
}

function isNonStrictObject(schema: z.core.$ZodTypes): boolean {
  return schema._zod.def.type === 'object' && schema._zod.def.catchall === undefined;
}

/**
 * Converts a zod schema into a draft-07 JSON schema (the draft editors' YAML/JSON tooling supports most
 * widely) with `$schema`, `$id`, `title` and `description` first. Deterministic: same schema, same output.
 */
export function buildJsonSchema(schema: z.ZodType, meta: JsonSchemaMeta): z.core.JSONSchema.BaseSchema {
  const { $schema, ...body } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: meta.io,
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // zod closes every object in output mode, because parsing strips unknown keys.
      if (meta.openObjects === true && isNonStrictObject(zodSchema)) delete jsonSchema.additionalProperties;
    },
  });
  return { $schema, $id: meta.id, title: meta.title, description: meta.description, ...body };
}
