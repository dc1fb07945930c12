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
}

/**
 * Converts a zod schema into a draft-07 JSON schema (the draft editors' YAML/JSON tooling supports most
 * widely) with `$schema`, `$id`, `title` and `description` first. Deterministic: same schema, same output.
 */
export function buildJsonSchema(schema: z.ZodType, meta: JsonSchemaMeta): z.core.JSONSchema.BaseSchema {
  const { $schema, ...body } = z.toJSONSchema(schema, { target: 'draft-07', io: meta.io, unrepresentable: 'throw' });
  return { $schema, $id: meta.id, title: meta.title, description: meta.description, ...body };
}
