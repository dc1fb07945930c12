import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from '../bug/run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';
import { QUERY_METHODS } from '../../../../src/static/rules/performance/query-call-of.js';

const rule = 'n-plus-one-query';

describe('n-plus-one-query', () => {
  it('flags ORM and driver reads inside loops and iteration callbacks', () => {
    const code = [
      'async function f(ids, repo, pool) {',
      '  for (const id of ids) await prisma.user.findUnique({ where: { id } });',
      '  for (let i = 0; i < ids.length; i++) await ctx.db.post.findFirst({ where: { id: ids[i] } });',
      '  for (const k in ids) await User.findByPk(k);',
      '  while (ids.length) await User.findOne({ where: { id: ids.pop() } });',
      '  do { await this.userModel.findById(ids.pop()); } while (ids.length);',
      '  ids.forEach((id) => repo.findOneBy({ id }));',
      '  await Promise.all(ids.map((id) => userRepository.findOne({ where: { id } })));',
      '  ids.filter(async (id) => (await getRepository(User).findOne(id)) !== null);',
      '  for (const id of ids) await knex("users").where({ id }).first();',
      '  for (const id of ids) await pool.query("SELECT * FROM t WHERE id = $1", [id]);',
      '  for (const id of ids) await connection.execute("SELECT 1");',
      '  for (const id of ids) await Post.find({ author: id });',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const [f] = runRule(rule, code);
    expect(f).toMatchObject({ severity: 'medium', category: 'performance', confidence: 0.8 });
    expect(f!.message).toContain('prisma.user.findUnique');
    expect(f!.message).toContain('findMany({ where: { id: { in: ids } } })');
  });

  it('accepts batched queries, queries outside loops or in the iterable, and paged reads', () => {
    const code = [
      'async function f(ids, pool) {',
      '  await prisma.user.findMany({ where: { id: { in: ids } } });',
      '  for (const u of await prisma.user.findMany()) use(u);',
      '  for (let i = await db.query("SELECT count(*) FROM t"); i > 0; i--) use(i);',
      '  let cursor;',
      '  do { const page = await prisma.event.findMany({ take: 100, cursor }); cursor = page.at(-1); } while (cursor);',
      '  for (let off = 0; ; off += 100) { await pool.query("SELECT * FROM t LIMIT 100 OFFSET $1", [off]); }',
      '  for (const id of ids) await knex("t").where({ id }).limit(1);',
      '  for (const id of ids) { const load = () => prisma.user.findUnique({ where: { id } }); use(load); }',
      '  for (const x of ids) { ids.find((y) => y === x); Array.from(ids).find(Boolean); cache.query(x); }',
      '  for (const x of ids) { res.json(x); map.get(x); }',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('skips test files (seeding loops)', () => {
    expect(linesOf(rule, 'async function seed(ids) { for (const id of ids) await prisma.user.findUnique({ where: { id } }); }', 'test/seed.ts')).toEqual([]);
  });

  it('is not created for a file without a query word (the prefilter); every method it knows holds one of the words', () => {
    const byId = AST_RULES.filter((r) => r.doc.id === rule);
    const code = 'async function f(ids) { for (const id of ids) await api.get(id); }';
    expect(createRuleFilter(byId)(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
    const words = byId[0]!.needs!;
    expect([...QUERY_METHODS, 'knex', 'db'].filter((m) => !words.some((w) => m.includes(w)))).toEqual([]);
  });

  it('finds a method or root spelt with a unicode escape, which holds none of the words', () => {
    const code = [
      'async function f(ids) {',
      '  for (const id of ids) await User.fin\\u0064ById(id);',
      '  for (const id of ids) await kn\\u0065x("users").where({ id }).first();',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([2, 3]);
  });
});
