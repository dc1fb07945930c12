import { describe, expect, it } from 'vitest';
import { compareReviewPriority, packUnits, reviewClassOf, type PackableUnit } from '../../../../src/llm/budget/index.js';

const unit = (path: string, startLine: number, tokens: number): PackableUnit => ({ path, startLine, endLine: startLine + 9, tokens });
const ids = (requests: PackableUnit[][]): string[][] => requests.map((r) => r.map((u) => `${u.path}:${u.startLine}`));

describe('reviewClassOf / compareReviewPriority', () => {
  it.each([
    ['src/api/users.ts', 'source'],
    ['package.json', 'source'],
    ['.github/workflows/ci.yml', 'source'],
    ['src/api/users.test.ts', 'test'],
    ['test/unit/a.ts', 'test'],
    ['pkg/__tests__/b.js', 'test'],
    ['docs/setup.md', 'docs'],
    ['README.md', 'docs'],
    ['CHANGELOG', 'docs'],
  ])('%s is %s', (path, expected) => {
    expect(reviewClassOf(path)).toBe(expected);
  });

  it('orders source, then tests, then docs, then by path', () => {
    const paths = ['README.md', 'test/a.test.ts', 'src/b.ts', 'docs/x.md', 'lib/a.ts', 'src/a.test.ts'];
    expect([...paths].sort(compareReviewPriority)).toEqual(['lib/a.ts', 'src/b.ts', 'src/a.test.ts', 'test/a.test.ts', 'README.md', 'docs/x.md']);
  });
});

describe('packUnits', () => {
  it('packs first-fit decreasing by file, keeping a file together and ordering requests by priority', () => {
    const units = [unit('src/b.ts', 1, 300), unit('src/b.ts', 40, 300), unit('src/a.ts', 1, 500), unit('docs/x.md', 1, 300), unit('src/c.ts', 1, 350)];
    const { requests, skipped } = packUnits(units, { requestBudget: 1100, fixedTokens: 100, reviewBudget: 100_000 });
    // Items: b 600, a 500, c 350, docs 300; capacity 1000. FFD: [b] -> [b, c] (950); a -> new [a, docs] (800).
    expect(ids(requests)).toEqual([
      ['src/a.ts:1', 'docs/x.md:1'],
      ['src/b.ts:1', 'src/b.ts:40', 'src/c.ts:1'],
    ]);
    expect(skipped).toEqual([]);
  });

  it('splits a file bigger than a request into runs of consecutive units', () => {
    const units = [1, 20, 40, 60, 80].map((line) => unit('src/big.ts', line, 400));
    const { requests } = packUnits(units, { requestBudget: 1000, fixedTokens: 100, reviewBudget: 100_000 });
    expect(ids(requests)).toEqual([
      ['src/big.ts:1', 'src/big.ts:20'],
      ['src/big.ts:40', 'src/big.ts:60'],
      ['src/big.ts:80'],
    ]);
  });

  it('lists a unit too big for any request as skipped instead of dropping it', () => {
    const { requests, skipped } = packUnits([unit('src/a.ts', 1, 100), unit('src/a.ts', 50, 5000)], {
      requestBudget: 1000,
      fixedTokens: 100,
      reviewBudget: 100_000,
    });
    expect(ids(requests)).toEqual([['src/a.ts:1']]);
    expect(skipped).toEqual([{ path: 'src/a.ts', reason: 'token-cap', startLine: 50, endLine: 59 }]);
  });

  it('keeps the most important prefix under the review cap and lists the rest in review order', () => {
    const units = [unit('docs/guide.md', 1, 400), unit('test/a.test.ts', 1, 400), unit('src/z.ts', 1, 400), unit('src/a.ts', 1, 400)];
    // Each request holds two units (capacity 900); the cap pays for one request of two and its fixed part.
    const { requests, skipped } = packUnits(units, { requestBudget: 1000, fixedTokens: 100, reviewBudget: 950 });
    expect(ids(requests)).toEqual([['src/a.ts:1', 'src/z.ts:1']]);
    expect(skipped.map((s) => s.path)).toEqual(['test/a.test.ts', 'docs/guide.md']);
  });

  it('skips everything, listed, when the fixed prompt leaves no room', () => {
    const { requests, skipped } = packUnits([unit('src/a.ts', 1, 10)], { requestBudget: 100, fixedTokens: 100, reviewBudget: 100_000 });
    expect(requests).toEqual([]);
    expect(skipped).toHaveLength(1);
  });

  it('packs a 300-file, 20k-changed-line pull request within both caps, every unit packed once or listed', () => {
    // Deterministic pseudo-random sizes (LCG), shaped like real units: 1-400 changed lines at ~11 tokens a line.
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const units: PackableUnit[] = [];
    let changed = 0;
    for (let f = 0; changed < 20_000; f = (f + 1) % 300) {
      const path = f % 10 === 0 ? `test/f${f}.test.ts` : f % 15 === 0 ? `docs/f${f}.md` : `src/f${f}.ts`;
      const lines = 1 + Math.floor(next() ** 3 * 400);
      changed += lines;
      units.push({ path, startLine: 1 + units.length * 10, endLine: units.length * 10 + lines, tokens: 40 + lines * 11 });
    }
    const options = { requestBudget: 24_000, fixedTokens: 1_800, reviewBudget: 150_000 };
    const { requests, skipped } = packUnits(units, options);

    for (const request of requests) expect(options.fixedTokens + request.reduce((n, u) => n + u.tokens, 0)).toBeLessThanOrEqual(options.requestBudget);
    const total = requests.reduce((sum, r) => sum + options.fixedTokens + r.reduce((n, u) => n + u.tokens, 0), 0);
    expect(total).toBeLessThanOrEqual(options.reviewBudget);
    const key = (u: { path: string; startLine: number }): string => `${u.path}:${u.startLine}`;
    const seen = [...requests.flat().map(key), ...skipped.map(key)].sort();
    expect(seen).toEqual(units.map(key).sort());
    // The cap bites (the PR is bigger than it) and cuts from the least important end: every packed unit
    // ranks before every skipped one.
    expect(skipped.length).toBeGreaterThan(0);
    const ranked = [...units].sort((a, b) => compareReviewPriority(a.path, b.path) || a.startLine - b.startLine).map(key);
    const lastPacked = Math.max(...requests.flat().map((u) => ranked.indexOf(key(u))));
    const firstSkipped = Math.min(...skipped.map((u) => ranked.indexOf(key(u))));
    expect(lastPacked).toBeLessThan(firstSkipped);
    expect(skipped.map((u) => reviewClassOf(u.path)).at(-1)).toBe('docs');
    // First fit never leaves two requests at most half full (the second's units would have fit in the first).
    const capacity = options.requestBudget - options.fixedTokens;
    const halfEmpty = requests.filter((r) => r.reduce((n, u) => n + u.tokens, 0) <= capacity / 2);
    expect(halfEmpty.length).toBeLessThanOrEqual(1);
    expect(requests.length).toBeGreaterThan(3);
  });
});
