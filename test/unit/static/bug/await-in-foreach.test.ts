import { describe, expect, it } from 'vitest';
import { linesOf } from './run-rule.js';

describe('await-in-foreach', () => {
  it('flags async forEach callbacks that await, once, at the forEach call', () => {
    expect(linesOf('await-in-foreach', 'items.forEach(async (x) => {\n  await save(x);\n  await log(x);\n});')).toEqual([1]);
    expect(linesOf('await-in-foreach', 'a.b.forEach(async function (x) { for await (const y of x) use(y); });')).toEqual([1]);
  });

  it('ignores awaits that belong to a nested function, sync callbacks and other iteration methods', () => {
    const code = [
      'items.forEach((x) => save(x));',
      'items.forEach(async (x) => { const f = async () => { await save(x); }; return f; });',
      'items.forEach(async (x) => save(x));',
      'await Promise.all(items.map(async (x) => { await save(x); }));',
      'items.forEach(handler, async () => { await x; });',
    ].join('\n');
    expect(linesOf('await-in-foreach', code)).toEqual([]);
  });
});
