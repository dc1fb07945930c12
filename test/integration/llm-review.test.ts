import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig, defaultConfig, type ArgusConfigInput } from '../../src/config/index.js';
import { parseDiff } from '../../src/diff/index.js';
import { createMemoryReviewCache, type ReviewCache } from '../../src/llm/cache/index.js';
import { createOpenAiLlm, resolveLlmSettings } from '../../src/llm/openai/index.js';
import { createMemoryUsageLedger, type UsageLedger } from '../../src/llm/usage/index.js';
import { runReview } from '../../src/review/run-review.js';
import { createTempRepo } from '../helpers/git-repo.js';

const BASE = `import { db } from './db';

export interface Order {
  id: string;
  total: number;
}

export function fee(total: number): number {
  return total > 100 ? 0 : 5;
}

export function label(order: Order): string {
  return order.id.toUpperCase();
}

export async function checkout(order: Order): Promise<number> {
  await db.save(order);
  return order.total;
}
`;

const HEAD = `import { db } from './db';

export interface Order {
  id: string;
  total: number;
}

export function fee(total: number): number {
  return total > 100 ? 0 : 5;
}

export function label(order: Order): string {
  return order.id.toUpperCase();
}

export async function checkout(order: Order, userInput: string): Promise<number> {
  const discount = order.total > 50 ? 10 : 0;
  const total = order.total - discount;
  if (total = 0) return 0;
  eval(userInput);
  await db.save(order);
  return order.total;
}
`;

const lines = HEAD.split('\n');
/** 1-based line of the one line of HEAD that contains `text`. */
const at = (text: string): number => {
  const hits = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${text}" is on ${hits.length} lines`);
  return hits[0]!;
};
const quote = (text: string): string => lines[at(text) - 1]!;

/** The change as `git diff` writes it. */
function realDiff(): string {
  const repo = createTempRepo();
  try {
    repo.write('src/orders.ts', BASE);
    repo.commitAll('base');
    repo.write('src/orders.ts', HEAD);
    return repo.git('diff');
  } finally {
    repo.remove();
  }
}
const DIFF = realDiff();

const finding = (over: Record<string, unknown>) => ({
  path: 'src/orders.ts',
  endLine: null,
  severity: 'medium',
  category: 'bug',
  body: 'Explained.',
  suggestion: null,
  confidence: 0.9,
  ...over,
});

/** One answer that holds a finding for every rejection reason, plus the ones that must survive. */
const MIXED = [
  finding({ line: at('return order.total;'), quote: quote('return order.total;'), severity: 'high', title: 'Returns the total before the discount' }),
  finding({ line: 3, quote: 'export interface Order {', severity: 'urgent', title: 'Bad severity' }),
  finding({ path: 'src/elsewhere.ts', line: 4, quote: 'x', title: 'Not a file of this request' }),
  finding({ line: 1, quote: quote('import { db }'), title: 'Import outside the change' }),
  finding({ line: at('const discount'), quote: 'const discount = computeDiscount(order);', title: 'Misquoted' }),
  finding({ line: at('await db.save') - 2, quote: quote('await db.save'), title: 'Save is not in a transaction' }),
  finding({ line: at('const discount'), quote: quote('const discount'), confidence: 0.3, title: 'Unsure' }),
  finding({ line: at('const total ='), quote: quote('const total ='), severity: 'info', title: 'Just a remark' }),
  finding({ line: at('return order.total;'), quote: quote('return order.total;'), severity: 'high', title: 'Same place, other words' }),
  finding({ line: at('if (total = 0)'), quote: quote('if (total = 0)'), title: 'Assignment instead of comparison' }),
  finding({
    line: at('const total ='),
    quote: quote('const total ='),
    severity: 'low',
    category: 'maintainability',
    title: 'Name the discounted total',
    suggestion: '  const discounted = order.total - (discount;',
  }),
  finding({ line: at('const discount'), quote: quote('const discount'), severity: 'low', category: 'maintainability', title: 'Magic numbers' }),
];

const SETTINGS = (() => {
  const resolved = resolveLlmSettings({ OPENAI_API_KEY: 'sk-test-key', ARGUS_LLM_MAX_RETRIES: '0' }, 'gpt-4.1-mini');
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.settings;
})();

function completion(content: string, usage = { prompt_tokens: 1000, completion_tokens: 200 }) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4.1-mini-2025-04-14',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

async function review(
  config: ArgusConfigInput = {},
  cache: ReviewCache | null = null,
  daily: { ledger: UsageLedger; account: string; capTokens: number } | null = null,
  postedFingerprints: ReadonlySet<string> = new Set(),
) {
  const files = parseDiff(DIFF);
  return runReview({
    files,
    contents: { readNewFile: async () => ({ kind: 'text', text: HEAD }) },
    config: mergeConfig(defaultConfig(), config),
    llmSkipReason: null,
    llm: { port: createOpenAiLlm(SETTINGS), cache, pullRequest: { title: 'Discounts', body: 'Adds discounts.' }, postedFingerprints, daily },
    now: () => 0,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the LLM pass through the real openai SDK (nock)', () => {
  it('keeps exactly the anchored findings and gives every refusal its one reason', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const scope = nock('https://api.openai.com')
      .post('/v1/chat/completions', (body: Record<string, unknown>) => {
        bodies.push(body);
        return true;
      })
      .reply(200, completion(JSON.stringify({ findings: MIXED })));

    const result = await review({ max_comments: 4 });
    expect(scope.isDone()).toBe(true);

    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ model: 'gpt-4.1-mini', response_format: { type: 'json_schema', json_schema: { name: 'argus_findings', strict: true } } });

    expect(result.findings.map((f) => [f.source, f.ruleId, f.line, f.severity, f.title, f.suggestion ?? null])).toEqual([
      // userInput is a parameter of unknown origin: the static rule reports it one severity lower, less sure.
      ['llm', 'llm/bug', at('return order.total;'), 'high', 'Returns the total before the discount', null],
      ['static', 'code-injection', at('eval(userInput)'), 'high', 'Code injection', null],
      ['static', 'assignment-in-condition', at('if (total = 0)'), 'medium', expect.any(String), expect.anything()],
      ['llm', 'llm/bug', at('await db.save'), 'medium', 'Save is not in a transaction', null],
    ]);
    expect(result.rejected.map((r) => [r.reason, r.title])).toEqual([
      ['schema', 'Bad severity'],
      ['unknown-path', 'Not a file of this request'],
      ['outside-diff', 'Import outside the change'],
      ['quote-mismatch', 'Misquoted'],
      ['low-confidence', 'Unsure'],
      ['below-threshold', 'Just a remark'],
      ['duplicate', 'Same place, other words'],
      ['duplicate', 'Assignment instead of comparison'],
      // In review order (ranked: severity, then place in the file).
      ['over-limit', 'Magic numbers'],
      ['over-limit', 'Name the discounted total'],
    ]);
    expect(result.summary).toEqual({ critical: 0, high: 2, medium: 2, low: 2, info: 0 });
    expect(result.stats.llm).toEqual({
      calls: 1,
      promptTokens: 1000,
      completionTokens: 200,
      costUsd: (1000 * 0.4 + 200 * 1.6) / 1e6,
      model: 'gpt-4.1-mini',
      priced: true,
      requests: 1,
      failedRequests: 0,
      cachedUnits: 0,
      sentUnits: 1,
      responseFormat: 'json_schema',
      moved: 1,
      suggestionsDropped: 1,
    });
  });

  it('with room for every comment, the finding whose suggestion does not parse stays, without it', async () => {
    nock('https://api.openai.com').post('/v1/chat/completions').reply(200, completion(JSON.stringify({ findings: MIXED })));
    const result = await review({ max_comments: 20 });
    const named = result.findings.find((f) => f.title === 'Name the discounted total');
    expect(named).toMatchObject({ line: at('const total ='), category: 'maintainability', severity: 'low' });
    expect(named!.suggestion).toBeUndefined();
  });

  it('asks once more with a repair instruction when the answer is not JSON, and uses the repaired answer', async () => {
    const bodies: Array<{ messages: Array<{ role: string; content: string }> }> = [];
    nock('https://api.openai.com')
      .post('/v1/chat/completions', (b: (typeof bodies)[number]) => bodies.push(b) > 0)
      .reply(200, completion('Sure! Here are my findings: none really.'))
      .post('/v1/chat/completions', (b: (typeof bodies)[number]) => bodies.push(b) > 0)
      .reply(200, completion(JSON.stringify({ findings: [MIXED[0]] })));
    const result = await review();
    expect(bodies).toHaveLength(2);
    const repair = bodies[1]!.messages;
    expect(repair.slice(0, bodies[0]!.messages.length)).toEqual(bodies[0]!.messages);
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: 'Sure! Here are my findings: none really.' });
    expect(repair.at(-1)!.role).toBe('user');
    expect(result.findings.filter((f) => f.source === 'llm').map((f) => f.title)).toEqual(['Returns the total before the discount']);
    expect(result.stats.llm).toMatchObject({ calls: 2, requests: 1, failedRequests: 0, promptTokens: 2000 });
  });

  it('reports the chunk as failed after a second invalid answer, and the review goes on', async () => {
    nock('https://api.openai.com').post('/v1/chat/completions').times(2).reply(200, completion('{"findings": [ oops'));
    const result = await review();
    expect(result.findings.map((f) => f.source)).toEqual(['static', 'static']);
    expect(result.stats.llm).toMatchObject({ calls: 2, requests: 1, failedRequests: 1 });
    expect(result.notes.find((n) => n.startsWith('LLM pass: 1 of 1 request(s) failed'))).toMatch(/invalid answer/);
  });

  it('answers an unchanged hunk from the cache: a second review spends no tokens and finds the same', async () => {
    const cache = createMemoryReviewCache();
    nock('https://api.openai.com').post('/v1/chat/completions').once().reply(200, completion(JSON.stringify({ findings: [MIXED[0]] })));
    const first = await review({}, cache);
    const second = await review({}, cache);
    expect(nock.isDone()).toBe(true);
    expect(second.findings).toEqual(first.findings);
    expect(second.stats.llm).toMatchObject({ calls: 0, promptTokens: 0, completionTokens: 0, cachedUnits: 1, sentUnits: 0, requests: 0 });
  });

  it('sends nothing beyond the per-review token cap and says so', async () => {
    const result = await review({ llm: { max_review_tokens: 10 } });
    expect(result.stats.llm).toMatchObject({ calls: 0, requests: 0 });
    expect(result.stats.skippedFiles.map((s) => s.reason)).toEqual(['token-cap']);
    expect(result.notes.some((n) => n.includes('token cap'))).toBe(true);
  });

  it('runs static-only once the installation has spent its daily cap, and says so', async () => {
    const ledger = createMemoryUsageLedger();
    const daily = { ledger, account: 'installation-1', capTokens: 20_000 };
    nock('https://api.openai.com')
      .post('/v1/chat/completions')
      .once()
      .reply(200, completion(JSON.stringify({ findings: [] }), { prompt_tokens: 19_500, completion_tokens: 600 }));
    const first = await review({}, null, daily);
    expect(first.stats.llm).toMatchObject({ calls: 1, promptTokens: 19_500, completionTokens: 600 });
    expect(await ledger.spent('installation-1', new Date(0))).toBe(20_100);
    const second = await review({}, null, daily);
    expect(nock.isDone()).toBe(true);
    expect(second.stats.llm).toBeNull();
    expect(second.notes).toContain(
      'LLM pass skipped: the daily token cap of this installation (20,000 tokens) is used up; this review is static-only until 00:00 UTC',
    );
  });

  it('a finding already posted on the PR is not commented again, yet stays in the verdict (summary counts it)', async () => {
    nock('https://api.openai.com').post('/v1/chat/completions').twice().reply(200, completion(JSON.stringify({ findings: [MIXED[0]] })));
    const first = await review();
    const posted = first.findings.find((f) => f.source === 'llm')!;
    const second = await review({}, null, null, new Set([posted.fingerprint]));
    expect(second.findings.filter((f) => f.source === 'llm')).toEqual([]);
    expect(second.rejected).toEqual([{ source: 'llm', reason: 'duplicate', path: 'src/orders.ts', line: posted.line, title: posted.title }]);
    expect(second.summary).toEqual(first.summary);
  });

  it('does not ask again when the repair request would break the per-request cap', async () => {
    const bodies: unknown[] = [];
    nock('https://api.openai.com')
      .post('/v1/chat/completions', (b: unknown) => bodies.push(b) > 0)
      .reply(200, completion(`Here is my review. ${'The code looks mostly fine to me overall. '.repeat(90)}`));
    const result = await review({ llm: { max_request_tokens: 2000 } });
    expect(bodies).toHaveLength(1);
    expect(result.stats.llm).toMatchObject({ calls: 1, failedRequests: 1 });
    expect(result.notes.find((n) => n.startsWith('LLM pass: 1 of 1 request(s) failed'))).toMatch(/no token budget left to ask again/);
  });

  it('never serves a cached answer to a different context: other instructions ask the model again', async () => {
    const cache = createMemoryReviewCache();
    nock('https://api.openai.com').post('/v1/chat/completions').twice().reply(200, completion(JSON.stringify({ findings: [] })));
    await review({}, cache);
    const again = await review({ instructions: 'Flag every magic number.' }, cache);
    expect(again.stats.llm).toMatchObject({ calls: 1, cachedUnits: 0 });
    expect(nock.isDone()).toBe(true);
  });
});
