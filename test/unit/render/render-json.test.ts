import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderJson } from '../../../src/render/render-json.js';
import { reviewResultSchema, type ReviewResult } from '../../../src/review/result.js';
import { CLEAN, CTX, FULL, STATIC_ONLY } from './fixtures.js';

const validate = new Ajv2020({ allErrors: true }).compile(z.toJSONSchema(reviewResultSchema));
const repoFile = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('renderJson', () => {
  it.each([
    ['full', FULL],
    ['static only', STATIC_ONLY],
    ['clean', CLEAN],
  ])('round-trips the %s result and matches the published JSON schema', (_name, result) => {
    const out = renderJson(result, CTX);
    const parsed: unknown = JSON.parse(out);
    expect(parsed).toEqual(result);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(reviewResultSchema.parse(parsed)).toEqual(result);
  });

  it('has a validator that rejects off-contract output (so the check above means something)', () => {
    const broken = JSON.parse(renderJson(FULL, CTX)) as { findings: Array<Record<string, unknown>> };
    broken.findings[0]!.severity = 'urgent';
    expect(validate(broken)).toBe(false);
  });

  it('is 2-space indented with a trailing newline', () => {
    const out = renderJson(CLEAN, CTX);
    expect(out).toBe(`${JSON.stringify(CLEAN, null, 2)}\n`);
    expect(out.startsWith('{\n  "version": 1,\n  "findings": [],\n')).toBe(true);
  });

  it('writes keys in contract order whatever order the object was built in, and omits an absent suggestion', () => {
    const f = FULL.findings[1]!;
    const scrambled: ReviewResult = {
      notes: [],
      stats: { durationMs: 5, llm: null, skippedFiles: [{ reason: 'binary', path: 'a.png' }], changedLines: 2, files: 1 },
      summary: { info: 0, low: 0, medium: 0, high: 1, critical: 0 },
      rejected: [{ title: 'T', line: 3, reason: 'duplicate', source: 'llm' }],
      findings: [
        {
          fingerprint: f.fingerprint,
          confidence: f.confidence,
          suggestion: undefined,
          message: f.message,
          title: f.title,
          ruleId: f.ruleId,
          source: f.source,
          category: f.category,
          severity: f.severity,
          endLine: f.endLine,
          line: f.line,
          path: f.path,
        },
      ],
      version: 1,
    };
    const parsed = JSON.parse(renderJson(scrambled, CTX)) as Record<string, unknown> & {
      findings: object[];
      rejected: object[];
      summary: object;
      stats: { skippedFiles: object[] };
    };
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'rejected', 'summary', 'stats', 'notes']);
    expect(Object.keys(parsed.findings[0]!)).toEqual([
      'path',
      'line',
      'endLine',
      'severity',
      'category',
      'source',
      'ruleId',
      'title',
      'message',
      'confidence',
      'fingerprint',
    ]);
    expect(Object.keys(parsed.rejected[0]!)).toEqual(['source', 'reason', 'line', 'title']);
    expect(Object.keys(parsed.summary)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(Object.keys(parsed.stats)).toEqual(['files', 'changedLines', 'skippedFiles', 'llm', 'durationMs']);
    expect(Object.keys(parsed.stats.skippedFiles[0]!)).toEqual(['path', 'reason']);
  });

  it('puts the suggestion between message and confidence when present', () => {
    const out = renderJson(STATIC_ONLY, CTX);
    expect(out).toContain(
      '      "message": "`eval` receives `req.query.expr`, which the caller controls.",\n' +
        '      "suggestion": "const value = evaluateExpression(parseExpression(req.query.expr));",\n' +
        '      "confidence": 0.95,\n',
    );
  });

  it('keeps the pipeline order of findings', () => {
    const reversed = { ...FULL, findings: [...FULL.findings].reverse() };
    const parsed = JSON.parse(renderJson(reversed, CTX)) as ReviewResult;
    expect(parsed.findings.map((f) => f.fingerprint)).toEqual(reversed.findings.map((f) => f.fingerprint));
  });

  it('also matches the published schema/review-output.schema.json', () => {
    const published = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(repoFile('schema/review-output.schema.json')) as object);
    for (const result of [FULL, STATIC_ONLY, CLEAN]) {
      expect(published(JSON.parse(renderJson(result, CTX))), JSON.stringify(published.errors)).toBe(true);
    }
  });

  it('prints the example in docs/json-output.md exactly as documented', () => {
    const example = /```json\n([\s\S]*?)```/.exec(repoFile('docs/json-output.md'))?.[1];
    expect(example).toBeDefined();
    const parsed = reviewResultSchema.parse(JSON.parse(example!));
    expect(renderJson(parsed, CTX)).toBe(example);
  });
});
