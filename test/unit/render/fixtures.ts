import type { Finding } from '../../../src/findings/finding.js';
import type { RuleDoc } from '../../../src/findings/rule-doc.js';
import type { RenderContext } from '../../../src/render/context.js';
import { summarize, type ReviewResult } from '../../../src/review/result.js';

/** Rule docs as the static registry would provide them (own copies, so registry edits don't churn these tests). */
export const RULES: ReadonlyMap<string, RuleDoc> = new Map<string, RuleDoc>([
  [
    'code-injection',
    {
      id: 'code-injection',
      title: 'Code injection',
      severity: 'critical',
      category: 'security',
      help: 'Evaluating a string built from user input runs attacker code.\n\nParse the input instead of `eval`-ing it.',
    },
  ],
  [
    'await-in-foreach',
    {
      id: 'await-in-foreach',
      title: 'await inside forEach',
      severity: 'medium',
      category: 'performance',
      help: '`forEach` does not wait for async callbacks. Use `for...of` or `Promise.all`.',
    },
  ],
]);

export const CTX: RenderContext = { rules: RULES, color: false, toolVersion: '0.1.0' };

export const CODE_INJECTION: Finding = {
  path: 'src/api/run.ts',
  line: 42,
  endLine: 42,
  severity: 'critical',
  category: 'security',
  source: 'static',
  ruleId: 'code-injection',
  title: 'Code injection',
  message: '`eval` receives `req.query.expr`, which the caller controls.',
  suggestion: 'const value = evaluateExpression(parseExpression(req.query.expr));',
  confidence: 0.95,
  fingerprint: '3f2a9c1d0b7e4a5f6c8d9e01',
};

export const DOUBLE_DISCOUNT: Finding = {
  path: 'src/cart/total.ts',
  line: 17,
  endLine: 19,
  severity: 'high',
  category: 'bug',
  source: 'llm',
  ruleId: 'llm/bug',
  title: 'Discount applied twice',
  message: 'applyDiscount() already ran in line 12, so members pay less than intended.',
  confidence: 0.82,
  fingerprint: 'a1b2c3d4e5f60718293a4b5c',
};

export const AWAIT_IN_FOREACH: Finding = {
  path: 'src/jobs/sync.ts',
  line: 8,
  endLine: 8,
  severity: 'medium',
  category: 'performance',
  source: 'static',
  ruleId: 'await-in-foreach',
  title: 'await inside forEach',
  message: 'The loop does not wait for the callbacks, so sync() returns before the writes finish.',
  suggestion: 'for (const item of items) {\n  await save(item);\n}',
  confidence: 0.9,
  fingerprint: '0f1e2d3c4b5a69788796a5b4',
};

export const MAGIC_NUMBER: Finding = {
  path: 'src/cart/total.ts',
  line: 30,
  endLine: 30,
  severity: 'low',
  category: 'maintainability',
  source: 'llm',
  ruleId: 'llm/maintainability',
  title: 'Magic number',
  message: '',
  confidence: 0.6,
  fingerprint: '5566778899aabbccddeeff00',
};

const FINDINGS = [CODE_INJECTION, DOUBLE_DISCOUNT, AWAIT_IN_FOREACH, MAGIC_NUMBER];

/** A full review: static and LLM findings, suggestions, rejections, skipped files, a note, LLM usage. */
export const FULL: ReviewResult = {
  version: 1,
  findings: FINDINGS,
  rejected: [
    { source: 'llm', reason: 'outside-diff', path: 'src/cart/total.ts', line: 80, title: 'Unused import' },
    { source: 'llm', reason: 'duplicate', path: 'src/api/run.ts', line: 42 },
    { source: 'llm', reason: 'outside-diff' },
  ],
  summary: summarize(FINDINGS),
  stats: {
    files: 5,
    changedLines: 214,
    skippedFiles: [
      { path: 'assets/logo.png', reason: 'binary' },
      { path: 'package-lock.json', reason: 'excluded' },
    ],
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
    durationMs: 8123,
  },
  notes: ['Semgrep is not installed; the Semgrep pass was skipped.'],
};

/** A static-only run: the LLM pass did not run, so `llm` is null and a note says why. */
export const STATIC_ONLY: ReviewResult = {
  version: 1,
  findings: [CODE_INJECTION],
  rejected: [],
  summary: summarize([CODE_INJECTION]),
  stats: { files: 1, changedLines: 12, skippedFiles: [], llm: null, durationMs: 140 },
  notes: ['LLM pass skipped: OPENAI_API_KEY is not set'],
};

/** Nothing to report. */
export const CLEAN: ReviewResult = {
  version: 1,
  findings: [],
  rejected: [],
  summary: summarize([]),
  stats: { files: 1, changedLines: 1, skippedFiles: [], llm: null, durationMs: 35 },
  notes: [],
};
