import { extractJsonObjects } from './extract-json-objects.js';
import { parseJson } from './parse-json.js';

/** The findings array of the model's message (items unchecked), or why there is none, in one line. */
export type ParseModelContentResult = { ok: true; findings: unknown[] } | { ok: false; error: string };

const EXPECTED = 'expected one JSON object {"findings": [...]}';
const MAX_DETAIL_LENGTH = 160;

/**
 * Reads the model's message content. The whole content is parsed as JSON first; only when it is not JSON
 * (a server without structured outputs) is the object looked for in the text: the first fenced ```json or
 * untagged block, else the first balanced top-level `{...}`, that parses to an object with a `findings` key.
 * That is extraction only: nothing is repaired, unwrapped or guessed. The object must be exactly
 * `{ "findings": [...] }`; each item is checked later by `validateLlmFindings`, so one bad finding does not
 * cost its siblings. The error is one line, fit for a repair prompt and the stats.
 */
export function parseModelContent(content: string): ParseModelContentResult {
  if (content.trim() === '') return { ok: false, error: `empty content: ${EXPECTED}` };
  const whole = parseJson(content);
  if (whole.ok) return checkEnvelope(whole.value);
  for (const value of extractJsonObjects(content)) {
    if (isPlainObject(value) && Object.hasOwn(value, 'findings')) return checkEnvelope(value);
  }
  return {
    ok: false,
    error: `not JSON (${oneLine(whole.error)}), and the text holds no JSON object with a "findings" key: ${EXPECTED}`,
  };
}

function checkEnvelope(value: unknown): ParseModelContentResult {
  if (!isPlainObject(value)) return { ok: false, error: `got ${describe(value)}: ${EXPECTED}` };
  const extra = Object.keys(value).filter((k) => k !== 'findings');
  if (extra.length > 0) {
    const keys = oneLine(extra.slice(0, 5).map((k) => JSON.stringify(k)).join(', '));
    return { ok: false, error: `unexpected top-level key ${keys}: ${EXPECTED} and nothing else` };
  }
  const findings = value['findings'];
  if (findings === undefined) return { ok: false, error: `"findings" is missing: ${EXPECTED}` };
  if (!Array.isArray(findings)) return { ok: false, error: `"findings" is ${describe(findings)}, not an array: ${EXPECTED}` };
  return { ok: true, findings };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Collapses whitespace and caps the length of model-controlled text (V8's JSON errors quote the input). */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_DETAIL_LENGTH ? flat : `${flat.slice(0, MAX_DETAIL_LENGTH - 1)}…`;
}
