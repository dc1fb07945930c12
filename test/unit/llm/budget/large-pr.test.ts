import { describe, expect, it } from 'vitest';
import { countMessageTokens, packUnits } from '../../../../src/llm/budget/index.js';
import { buildReviewMessages, buildReviewUnits, fixedPromptTokens, type ReviewUnit } from '../../../../src/llm/prompt/index.js';
import { fileChange } from '../prompt/file-change.js';

/** A source file of `blocks` small functions, in Python or TypeScript. */
function sourceFile(ts: boolean, id: number, blocks: number): string {
  let text = '';
  for (let k = 0; k < blocks; k++) {
    text += ts
      ? `export function f${id}_${k}(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x * ${k};\n  return total;\n}\n\n`
      : `def f${id}_${k}(xs):\n    total = 0\n    for x in xs:\n        total += x * ${k}\n    return total\n\n`;
  }
  return text;
}

describe('a 300-file, 20k-changed-line pull request end to end', () => {
  it('builds units and packs them so every real request and the whole review stay within the caps', () => {
    const files = Array.from({ length: 300 }, (_, id) => {
      const ts = id % 10 === 0;
      const path = id % 25 === 0 ? `test/t${id}.test.ts` : ts ? `src/m${id}.ts` : `app/m${id}.py`;
      const old = sourceFile(ts || path.endsWith('.ts'), id, 20);
      // Rewrites every line of 11 of the 20 functions: ~67 changed lines per file, ~20k in all.
      const edited = old
        .split('\n\n')
        .map((block, k) => (k % 2 === 0 && k < 22 ? block.replace(/total/g, 'acc').replace(/xs/g, 'values') : block))
        .join('\n\n');
      return fileChange(path, old, edited);
    });
    const changed = files.reduce((n, f) => n + f.diff.additions + f.diff.deletions, 0);
    expect(changed).toBeGreaterThan(20_000);

    const context = { pullRequest: { title: 'Rename', body: 'total -> acc' }, instructions: '', language: 'en', staticFindings: [] };
    const requestBudget = 16_000;
    const fixedTokens = fixedPromptTokens(context);
    const units: ReviewUnit[] = files.flatMap((f) => buildReviewUnits(f, { maxUnitTokens: requestBudget - fixedTokens }).units);
    const reviewBudget = 120_000;
    const { requests, skipped } = packUnits(units, { requestBudget, fixedTokens, reviewBudget });

    let total = 0;
    for (const request of requests) {
      const tokens = countMessageTokens(buildReviewMessages({ ...context, units: request }));
      expect(tokens).toBeLessThanOrEqual(requestBudget);
      total += tokens;
    }
    expect(total).toBeLessThanOrEqual(reviewBudget);
    const key = (u: { path: string; startLine: number }): string => `${u.path}:${u.startLine}`;
    expect([...requests.flat().map(key), ...skipped.map(key)].sort()).toEqual(units.map(key).sort());
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.at(-1)!.path.startsWith('test/')).toBe(true);
  });
});
