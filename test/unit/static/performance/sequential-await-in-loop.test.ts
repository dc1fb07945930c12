import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from '../bug/run-rule.js';

const rule = 'sequential-await-in-loop';
const inAsync = (...body: string[]): string => ['async function run(items, api, out) {', ...body.map((l) => `  ${l}`), '}'].join('\n');

describe('sequential-await-in-loop', () => {
  it('flags for...of loops whose iterations await independent calls, at the loop', () => {
    const code = inAsync(
      'for (const item of items) {',
      '  const r = await api.send(item);',
      '  out.push(r.id);',
      '}',
      'for (const { id } of items) await api.remove(id);',
    );
    expect(linesOf(rule, code)).toEqual([2, 6]);
    const [f] = runRule(rule, code);
    expect(f).toMatchObject({ severity: 'medium', confidence: 0.7, endLine: 5 });
    expect(f!.message).toContain('await Promise.all(items.map(async (item) => { ... }))');
    expect(f!.message).toContain('line 3');
    expect(f!.suggestion).toBeUndefined();
  });

  it('leaves loops whose iterations depend on each other', () => {
    const code = inAsync(
      'let cursor = null;',
      'for (const item of items) { cursor = await api.next(cursor, item); }',
      'let total = 0;',
      'for (const item of items) { total += await api.size(item); }',
      'for (const item of items) { this.count++; await api.send(item); }',
      'for (const item of items) { if (out.includes(item)) continue; out.push(await api.get(item)); }',
      'for (const item of items) { const seen = await api.get(item); out.set(item, seen); }',
      'for (const item of items) { if (await api.has(item)) return item; }',
      'for (const item of items) { const r = await api.get(item); if (r) break; }',
      'for (const item of items) { const r = await api.get(item); if (!r) throw new Error("missing"); }',
      'outer: for (const a of items) { for (const b of a) { await api.get(b); continue outer; } }',
    );
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('leaves loops paced or ordered on purpose', () => {
    const code = inAsync(
      'for (const item of items) { await api.send(item); await sleep(100); }',
      'for (const item of items) { await api.send(item); await new Promise((r) => setTimeout(r, 50)); }',
      'for (const item of items) { await limiter.removeTokens(1); await api.send(item); }',
      'for (const chunk of items) { await Promise.all(chunk.map((c) => api.send(c))); }',
      'for (const sel of items) { await page.click(sel); }',
      'for (const row of items) { await tx.insert(row); }',
      'for (const file of items) { await this.load(file); }',
      'for (const plugin of items) { await app.register(plugin); }',
      'for (const hook of items) { await hook(out); }',
      'for (const sub of items) { await sub.handler(out).catch(() => {}); }',
      'for (const m of migrations) { await api.apply2(m); }',
      'for (const p of items) { await p; }',
      'for (const item of await api.list()) { out.push(item); }',
      'for await (const item of items) { await api.send(item); }',
    );
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('leaves awaits that belong to nested functions, inner loops, module level and test files', () => {
    const code = [
      inAsync(
        'for (const item of items) { out.push(async () => { await api.send(item); }); }',
        'for (const a of items) { for (const b of a) await api.send(b); }',
      ),
      'for (const item of items) await api.send(item);',
      'function sync(items) { for (const item of items) api.send(item); }',
    ].join('\n');
    // Only the inner loop of line 3 awaits on its own.
    expect(linesOf(rule, code)).toEqual([3]);
    expect(linesOf(rule, inAsync('for (const item of items) await api.send(item);'), 'src/__tests__/api.test.ts')).toEqual([]);
  });

  it('leaves loops whose awaits are all database calls to n-plus-one-query', () => {
    const code = inAsync(
      'for (const id of items) out.push(await prisma.user.findUnique({ where: { id } }));',
      "for (const id of items) out.push(await knex('users').where({ id }).first());",
      'for (const id of items) { out.push(await db.query("SELECT 1")); await api.notify(id); }',
    );
    expect(linesOf(rule, code)).toEqual([4]);
  });

  it('judges each function\'s loops on their own: a jump in a callback does not cut the loop around it short', () => {
    const code = inAsync(
      'for (const item of items) {',
      '  await api.send(item);',
      '  out.forEach((x) => { if (x) return; throw new Error("no"); });',
      '  const next = async () => { for (const y of item) { await api.get(y); } };',
      '}',
      'for (const item of items) { await api.send(item); for (const x of out) { if (x) break; } }',
      'for (const item of items) { await api.send(item); for (const x of out) { if (x) return; } }',
    );
    // Line 2: the return and throw are the callback's. Line 5: the nested function's own loop. Line 7: the break
    // leaves the inner loop only. Line 8: the return leaves the function.
    expect(linesOf(rule, code)).toEqual([2, 5, 7]);
  });
});
