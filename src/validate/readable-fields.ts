import { LLM_OUTPUT_LIMITS } from './llm-output-schema.js';

/** The parts of a candidate a rejection can name. */
export interface ReadableFields {
  path?: string;
  line?: number;
  title?: string;
}

/**
 * `path`, `line` and `title` of a candidate that failed the schema, each only when it has the right type and
 * fits its bound: a rejection is shown to people and written to the JSON output, so a 10 MB title stays out.
 */
export function readableFields(raw: unknown): ReadableFields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const { path, line, title } = raw as Record<string, unknown>;
  const fields: ReadableFields = {};
  if (typeof path === 'string' && path !== '' && path.length <= LLM_OUTPUT_LIMITS.path) fields.path = path;
  if (typeof line === 'number' && Number.isSafeInteger(line)) fields.line = line;
  if (typeof title === 'string' && /\S/.test(title) && title.length <= LLM_OUTPUT_LIMITS.title) fields.title = title;
  return fields;
}
