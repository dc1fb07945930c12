import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../../../src/findings/finding.js';
import {
  LLM_FINDINGS_JSON_SCHEMA,
  LLM_RESPONSE_FORMAT,
  llmEnvelopeSchema,
  llmFindingSchema,
} from '../../../src/validate/index.js';
import { fixtureFindings, modelFinding, readLlmFixture } from './llm-fixtures.js';

// strict: unknown keywords are errors; allowUnionTypes: `type: ['integer', 'null']` is what strict mode wants.
const ajvValidate = new Ajv({ strict: true, allowUnionTypes: true }).compile(LLM_FINDINGS_JSON_SCHEMA);
const zodAccepts = (value: unknown): boolean => llmEnvelopeSchema.safeParse(value).success;
const ajvAccepts = (value: unknown): boolean => ajvValidate(value);
const envelope = (...findings: unknown[]) => ({ findings });
const without = (key: string) => Object.fromEntries(Object.entries(modelFinding()).filter(([k]) => k !== key));

describe('the JSON schema sent to the model, against the zod schema', () => {
  const accepted: Array<[string, unknown]> = [
    ['the valid fixture', JSON.parse(readLlmFixture('valid-response'))],
    ['no findings', envelope()],
    ['a range with a suggestion', envelope(modelFinding({ endLine: 18, suggestion: 'x' }))],
    ['confidence 0 and 1, empty body, empty suggestion', envelope(modelFinding({ confidence: 0, body: '', suggestion: '' }), modelFinding({ confidence: 1 }))],
    ['every severity and category', envelope(...SEVERITIES.map((severity, i) => modelFinding({ severity, category: CATEGORIES[i] })))],
  ];
  const rejected: Array<[string, unknown]> = [
    ['a bare array', [modelFinding()]],
    ['findings missing', {}],
    ['findings not an array', { findings: modelFinding() }],
    ['an extra top-level key', { ...envelope(modelFinding()), summary: 'x' }],
    ['an extra finding key', envelope(modelFinding({ fix: 'x' }))],
    ['a __proto__ key from JSON.parse', JSON.parse(`{"findings":[${JSON.stringify(modelFinding()).slice(0, -1)},"__proto__":{}}]}`)],
    ...Object.keys(modelFinding()).map((key): [string, unknown] => [`${key} missing`, envelope(without(key))]),
    ['line as a string', envelope(modelFinding({ line: '17' }))],
    ['line 0', envelope(modelFinding({ line: 0 }))],
    ['a fractional line', envelope(modelFinding({ line: 1.5 }))],
    ['endLine 0', envelope(modelFinding({ endLine: 0 }))],
    ['severity in upper case', envelope(modelFinding({ severity: 'HIGH' }))],
    ['an unknown category', envelope(modelFinding({ category: 'correctness' }))],
    ['confidence as a string', envelope(modelFinding({ confidence: '0.9' }))],
    ['confidence "NaN"', envelope(modelFinding({ confidence: 'NaN' }))],
    ['confidence Infinity (1e999)', JSON.parse(JSON.stringify(envelope(modelFinding())).replace('"confidence":0.9', '"confidence":1e999'))],
    ['confidence above 1', envelope(modelFinding({ confidence: 1.5 }))],
    ['a suggestion as a number', envelope(modelFinding({ suggestion: 42 }))],
    ['a null finding', envelope(null)],
    ['a string finding', envelope('finding')],
    ['a finding in an array', envelope([modelFinding()])],
  ];

  it.each(accepted)('both accept %s', (_name, value) => {
    expect([ajvAccepts(value), zodAccepts(value)]).toEqual([true, true]);
  });

  it.each(rejected)('both reject %s', (_name, value) => {
    expect([ajvAccepts(value), zodAccepts(value)]).toEqual([false, false]);
  });

  it('agree on every finding of the fixtures, except those past what strict mode can express', () => {
    const adversarial = fixtureFindings('adversarial-findings');
    const disagree = [...fixtureFindings('mixed-response'), ...adversarial].filter(
      (f) => ajvAccepts(envelope(f)) !== zodAccepts(envelope(f)),
    );
    // Adversarial #4 unsafe line, #16 endLine before line, #17 blank title, #26 empty path, #27 long title.
    expect(disagree).toEqual([4, 16, 17, 26, 27].map((i) => adversarial[i]));
  });

  // What strict mode cannot express (see LLM_FINDINGS_JSON_SCHEMA): zod alone refuses these.
  it.each([
    ['an empty path', { path: '' }],
    ['a path over 1000 characters', { path: 'p'.repeat(1001) }],
    ['an empty title', { title: '' }],
    ['a blank title', { title: '  ' }],
    ['a title over 200 characters', { title: 't'.repeat(201) }],
    ['a body over 4000 characters', { body: 'b'.repeat(4001) }],
    ['a blank quote', { quote: '\n' }],
    ['a quote over 2000 characters', { quote: 'q'.repeat(2001) }],
    ['a suggestion over 8000 characters', { suggestion: 's'.repeat(8001) }],
    ['endLine before line', { endLine: 16 }],
    ['a line beyond Number.MAX_SAFE_INTEGER', { line: 2 ** 53 }],
  ])('only zod rejects %s', (_name, over) => {
    const value = envelope(modelFinding(over));
    expect([ajvAccepts(value), zodAccepts(value)]).toEqual([true, false]);
  });
});

describe('OpenAI strict-mode requirements', () => {
  const ALLOWED = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'description', 'minimum', 'maximum']);

  /** Every subschema with its JSON pointer. */
  function walk(schema: Record<string, unknown>, at = '#'): Array<[string, Record<string, unknown>]> {
    const out: Array<[string, Record<string, unknown>]> = [[at, schema]];
    const props = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, sub] of Object.entries(props)) out.push(...walk(sub, `${at}/properties/${key}`));
    if (schema['items']) out.push(...walk(schema['items'] as Record<string, unknown>, `${at}/items`));
    return out;
  }
  const nodes = walk(LLM_FINDINGS_JSON_SCHEMA as unknown as Record<string, unknown>);

  it('has an object at the root, every property required and no other property allowed', () => {
    expect(LLM_FINDINGS_JSON_SCHEMA.type).toBe('object');
    const objects = nodes.filter(([, s]) => s['type'] === 'object');
    expect(objects.map(([at]) => at)).toEqual(['#', '#/properties/findings/items']);
    for (const [, s] of objects) {
      expect(s['additionalProperties']).toBe(false);
      expect(s['required']).toEqual(Object.keys(s['properties'] as object));
    }
  });

  it('uses only supported keywords, nullables as type arrays', () => {
    const used = new Set(nodes.flatMap(([, s]) => Object.keys(s)));
    expect([...used].filter((k) => !ALLOWED.has(k))).toEqual([]);
    const nullable = nodes.filter(([, s]) => Array.isArray(s['type'])).map(([at, s]) => [at, s['type']]);
    expect(nullable).toEqual([
      ['#/properties/findings/items/properties/endLine', ['integer', 'null']],
      ['#/properties/findings/items/properties/suggestion', ['string', 'null']],
    ]);
  });

  it('names the same keys and values as the zod schema', () => {
    const items = LLM_FINDINGS_JSON_SCHEMA.properties.findings.items;
    expect(Object.keys(items.properties)).toEqual(Object.keys(llmFindingSchema.shape));
    expect(items.properties.severity.enum).toEqual([...SEVERITIES]);
    expect(items.properties.category.enum).toEqual([...CATEGORIES]);
  });

  it('is wrapped as a strict response_format', () => {
    expect(LLM_RESPONSE_FORMAT.type).toBe('json_schema');
    expect(LLM_RESPONSE_FORMAT.json_schema.strict).toBe(true);
    expect(LLM_RESPONSE_FORMAT.json_schema.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(LLM_RESPONSE_FORMAT.json_schema.schema).toBe(LLM_FINDINGS_JSON_SCHEMA);
  });

  it('is hand-written because z.toJSONSchema writes nullables as anyOf and emits length keywords', () => {
    const generated = JSON.stringify(z.toJSONSchema(llmEnvelopeSchema));
    expect(generated).toContain('"anyOf"');
    expect(generated).toContain('"maxLength"');
  });
});
