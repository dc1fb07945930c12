import { z } from 'zod';
import { reviewResultSchema, type ReviewResult } from '../review/result.js';
import type { RenderContext } from './context.js';

/**
 * `--format json`: the version-1 contract (docs/json-output.md), 2-space indented, trailing newline.
 * Keys come out in the schema's declaration order and absent optionals are omitted. Validates nothing.
 */
export function renderJson(result: ReviewResult, _ctx?: RenderContext): string {
  return `${JSON.stringify(inSchemaOrder(reviewResultSchema, result), null, 2)}\n`;
}

/**
 * Rebuilds `value` with keys in the order the schema declares them. Walking the schema (instead of listing
 * keys by hand) means a field added to the contract can never be silently dropped from the output.
 */
function inSchemaOrder(schema: z.core.$ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return inSchemaOrder(schema.unwrap(), value);
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item: unknown) => inSchemaOrder(schema.element, item));
  }
  if (schema instanceof z.ZodObject && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.shape)) {
      if (source[key] !== undefined) ordered[key] = inSchemaOrder(child as z.core.$ZodType, source[key]);
    }
    return ordered;
  }
  return value;
}
