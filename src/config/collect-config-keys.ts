import type { z } from 'zod';

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** One documented setting: a leaf of the config JSON schema. */
export interface ConfigKeyDoc {
  /** Dotted path, e.g. `paths.include`. */
  key: string;
  /** Human-readable type, e.g. `boolean`, `string[]`, `"off" | "high"`. */
  type: string;
  /** JSON default, or undefined when the key has none. */
  default: unknown;
  description: string;
  examples: unknown[];
}

function typeLabel(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(node.anyOf)) return node.anyOf.map((option) => typeLabel(option as JsonSchema)).join(' | ');
  switch (node.type) {
    case 'array':
      return `${typeLabel((node.items ?? {}) as JsonSchema)}[]`;
    case 'object': {
      const values = node.additionalProperties;
      return typeof values === 'object' ? `map of string to ${typeLabel(values)}` : 'object';
    }
    case 'integer':
      return node.minimum !== undefined && node.maximum !== undefined
        ? `integer (${node.minimum}–${node.maximum})`
        : 'integer';
    case 'string':
      return node.maxLength !== undefined ? `string (at most ${node.maxLength} characters)` : 'string';
    default:
      return typeof node.type === 'string' ? node.type : 'any';
  }
}

/**
 * Lists the settings of a config JSON schema, depth first in declaration order. Objects with declared
 * `properties` are sections and are descended into; everything else (including maps like `rules`) is a key.
 *
 * @throws Error - when a key has no description: every setting must be documented on the schema.
 */
export function collectConfigKeys(schema: JsonSchema, prefix = ''): ConfigKeyDoc[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, value]) => {
    const node = value as JsonSchema;
    const key = prefix + name;
    if (node.type === 'object' && node.properties !== undefined) return collectConfigKeys(node, `${key}.`);
    if (node.description === undefined) {
      throw new Error(`config key "${key}" has no description: add .describe() to it in src/config/schema/`);
    }
    return [{ key, type: typeLabel(node), default: node.default, description: node.description, examples: node.examples ?? [] }];
  });
}
