import { z } from 'zod';

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap();
  }
  return current;
}

/**
 * The keys the object schema at `path` inside `schema` allows, in declaration order; [] when `path` does
 * not lead to an object. Used to suggest the key an unknown one was meant to be.
 */
export function objectKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next = (current.shape as Record<string, z.core.$ZodType | undefined>)[segment];
      if (next === undefined) return [];
      current = unwrap(next);
    } else if (current instanceof z.ZodRecord) {
      current = unwrap(current.valueType);
    } else if (current instanceof z.ZodArray) {
      current = unwrap(current.element);
    } else {
      return [];
    }
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
