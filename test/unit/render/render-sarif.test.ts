import type { Log, ReportingDescriptor, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../../helpers/schema-validators.js';
import type { Finding, Severity } from '../../../src/findings/finding.js';
import { renderSarif } from '../../../src/render/render-sarif.js';
import { summarize, type ReviewResult } from '../../../src/review/result.js';
import { AWAIT_IN_FOREACH, CLEAN, CODE_INJECTION, CTX, DOUBLE_DISCOUNT, FULL, STATIC_ONLY } from './fixtures.js';

const validate = sarifValidator();

const sarifOf = (result: ReviewResult): Log => JSON.parse(renderSarif(result, CTX)) as Log;
const runOf = (result: ReviewResult) => sarifOf(result).runs[0]!;
const withFindings = (findings: Finding[]): ReviewResult => ({ ...CLEAN, findings, summary: summarize(findings) });

describe('renderSarif: schema', () => {
  it.each([
    ['full', FULL],
    ['static only', STATIC_ONLY],
    ['clean', CLEAN],
  ])('the %s result is valid SARIF 2.1.0', (_name, result) => {
    const log = sarifOf(result);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('hostile paths and text stay valid', () => {
    const odd: Finding = {
      ...DOUBLE_DISCOUNT,
      path: 'app/[id]/my page#1?.tsx',
      title: 'Title with "quotes" and [brackets](1)',
      message: 'line1\nline2 \u0000 \u202e',
      suggestion: '',
    };
    const log = sarifOf(withFindings([odd]));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const uri = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('app/%5Bid%5D/my%20page%231%3F.tsx');
  });

  it('has a validator that rejects a broken log (so the checks above mean something)', () => {
    const log = sarifOf(FULL) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete log.runs[0]!.results[0]!.message;
    expect(validate(log)).toBe(false);
    const badLevel = sarifOf(FULL) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    badLevel.runs[0]!.results[0]!.level = 'critical';
    expect(validate(badLevel)).toBe(false);
  });
});

describe('renderSarif: what GitHub code scanning reads', () => {
  it('declares the schema, version and driver', () => {
    const log = sarifOf(FULL);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { rules, ...driver } = log.runs[0]!.tool.driver;
    expect(driver).toEqual({ name: 'Argus', informationUri: 'https://github.com/argus-review/argus', semanticVersion: '0.1.0' });
    expect(rules!.map((r) => r.id)).toEqual(['await-in-foreach', 'code-injection', 'llm/bug', 'llm/maintainability']);
  });

  it('maps severity to level: critical/high error, medium warning, low/info note', () => {
    const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
    const findings = severities.map((severity, i) => ({ ...DOUBLE_DISCOUNT, severity, fingerprint: `fp${i}` }));
    expect(runOf(withFindings(findings)).results!.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });

  it('writes each result with its rule, relative location, fingerprint and fix', () => {
    const results = runOf(FULL).results!;
    expect(results.map((r) => r.ruleId)).toEqual(FULL.findings.map((f) => f.ruleId));
    const expected: Result = {
      ruleId: 'code-injection',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'Code injection. `eval` receives `req.query.expr`, which the caller controls.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/api/run.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 42, endLine: 42 },
          },
        },
      ],
      partialFingerprints: { 'argusFingerprint/v1': '3f2a9c1d0b7e4a5f6c8d9e01' },
      fixes: [
        {
          description: { text: 'Apply the suggested replacement.' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'src/api/run.ts', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 42, endLine: 42 },
                  insertedContent: { text: 'const value = evaluateExpression(parseExpression(req.query.expr));' },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(results[0]).toEqual(expected);
  });

  it('points every ruleIndex at the rule with that id', () => {
    const run = runOf(FULL);
    for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  it('uses repository-relative URIs and leaves out fixes when there is no suggestion', () => {
    for (const r of runOf(FULL).results!) {
      const uri = r.locations![0]!.physicalLocation!.artifactLocation!.uri!;
      expect(uri).not.toMatch(/^(\/|\.\/|[a-z]+:)/i);
    }
    const discount = runOf(FULL).results![1]!;
    expect(discount.fixes).toBeUndefined();
    expect(discount.locations![0]!.physicalLocation!.region).toEqual({ startLine: 17, endLine: 19 });
    expect(discount.message!.text).toBe('Discount applied twice. applyDiscount() already ran in line 12, so members pay less than intended.');
  });

  it('describes known rules from their docs, with help and GitHub security-severity', () => {
    const rules = runOf(FULL).tool.driver.rules!;
    const injection: ReportingDescriptor = {
      id: 'code-injection',
      shortDescription: { text: 'Code injection' },
      fullDescription: { text: 'Evaluating a string built from user input runs attacker code.' },
      help: {
        text: 'Evaluating a string built from user input runs attacker code.\n\nParse the input instead of `eval`-ing it.',
        markdown: 'Evaluating a string built from user input runs attacker code.\n\nParse the input instead of `eval`-ing it.',
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], 'security-severity': '9.5' },
    };
    expect(rules[1]).toEqual(injection);
    expect(rules[0]!.properties).toEqual({ tags: ['performance'] });
    expect(rules[0]!.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('builds a rule for ids it has no docs for (LLM findings), at the level of their most severe finding', () => {
    const lowFirst: Finding = { ...DOUBLE_DISCOUNT, severity: 'low', fingerprint: 'x1' };
    const rules = runOf(withFindings([lowFirst, DOUBLE_DISCOUNT])).tool.driver.rules!;
    expect(rules).toEqual([
      {
        id: 'llm/bug',
        shortDescription: { text: 'Bug finding' },
        fullDescription: { text: "Bug finding reported by Argus's LLM pass under llm/bug; each alert's message explains the specific problem." },
        help: {
          text: "Bug finding reported by Argus's LLM pass under llm/bug; each alert's message explains the specific problem.",
          markdown: "Bug finding reported by Argus's LLM pass under llm/bug; each alert's message explains the specific problem.",
        },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['bug'] },
      },
    ]);
  });

  it('gives security rules the security-severity of their severity', () => {
    const expected: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
    for (const [severity, score] of Object.entries(expected)) {
      const f: Finding = { ...DOUBLE_DISCOUNT, category: 'security', ruleId: 'llm/security', severity: severity as Severity };
      expect(runOf(withFindings([f])).tool.driver.rules![0]!.properties).toEqual({ tags: ['security'], 'security-severity': score });
    }
  });

  it('lists each rule once even when several results use it', () => {
    const again: Finding = { ...AWAIT_IN_FOREACH, line: 20, endLine: 20, fingerprint: 'other' };
    const run = runOf(withFindings([AWAIT_IN_FOREACH, again, CODE_INJECTION]));
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['await-in-foreach', 'code-injection']);
    expect(run.results!.map((r) => r.ruleIndex)).toEqual([0, 0, 1]);
  });

  it('reports notes as tool execution notifications of a successful invocation', () => {
    expect(runOf(STATIC_ONLY).invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'note', message: { text: 'LLM pass skipped: OPENAI_API_KEY is not set' } }],
      },
    ]);
    expect(runOf(CLEAN).invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('keeps the rest of the stats in run properties', () => {
    expect(runOf(FULL).properties).toEqual({
      files: 5,
      changedLines: 214,
      skippedFiles: [
        { path: 'assets/logo.png', reason: 'binary' },
        { path: 'package-lock.json', reason: 'excluded' },
      ],
      rejected: 3,
      llm: {
        calls: 3,
        promptTokens: 12840,
        completionTokens: 1932,
        costUsd: 0.04217,
        model: 'gpt-4.1-mini',
        priced: true,
        requests: 3,
        failedRequests: 0,
        cachedUnits: 0,
        sentUnits: 5,
        responseFormat: 'json_schema',
        moved: 1,
        suggestionsDropped: 0,
      },
    });
  });

  it('is pretty-printed with a trailing newline', () => {
    const out = renderSarif(CLEAN, CTX);
    expect(out.startsWith('{\n  "$schema": ')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });
});
