import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { sourceText } from '../bug/source-text.js';
import { isTestPath } from './is-test-path.js';
import { queryCallOf } from './query-call-of.js';
import { repeatingLoopOf } from './repeating-loop-of.js';

/** Words that mark a paged or batched read, which a loop is meant to repeat (cursor pagination, batch jobs). */
const PAGED = /\b(?:limit|offset|take|skip|cursor|pageSize|batchSize|perPage)\b/i;

/** A database read or driver call inside a loop or an iteration callback: one round trip per item. */
export const nPlusOneQuery: StaticRule = {
  // Necessary for any finding: every query call it knows is a QUERY_METHODS method (each holds one of these words, as
  // its unit test checks), `knex(...)` or `db(...)`; a name spelt with an escape (`fin\u0064`) holds `\u` instead.
  needs: ['find', 'count', 'aggregate', 'groupBy', 'query', 'execute', 'knex', 'db', '\\u'],
  doc: {
    id: 'n-plus-one-query',
    title: 'Query inside a loop (N+1)',
    severity: 'medium',
    category: 'performance',
    help:
      'A query issued once per item costs one database round trip per item: fine for 3 rows, seconds for 3,000, ' +
      'and it holds a pool connection all the while. Fetch everything in one query keyed by the list of ids ' +
      '(`findMany({ where: { id: { in: ids } } })`, `WHERE id = ANY($1)`, `whereIn`), or join/include the ' +
      'relation in the query that produced the list, then look items up in a `Map`. Paged reads (`limit`, ' +
      '`offset`, `take`, `cursor`) are left alone: repeating them is the point.',
  },
  create(ctx) {
    if (isTestPath(ctx.path)) return {};
    return {
      CallExpression(node) {
        // The name check first: it rejects almost every call, before any walk up the tree.
        const query = queryCallOf(node, ctx.parent);
        if (query === null) return;
        const loop = repeatingLoopOf(node, true, ctx.parent);
        if (loop === null || PAGED.test(sourceText(ctx.lines, chainOf(node, ctx.parent)))) return;
        const where = loop.type === 'FunctionExpression' || loop.type === 'ArrowFunctionExpression' ? 'a callback run once per element' : 'a loop';
        ctx.report({
          node,
          confidence: 0.8,
          message: `\`${query.call}(...)\` (${query.library}) runs inside ${where}, so it makes one database round trip per item (N+1 queries). Fetch them all in one query instead: ${query.batched}; then match results to items with a \`Map\`.`,
        });
      },
    };
  },
};

/** The whole builder chain a call starts: `knex('t')` -> `knex('t').where(...).first()`. */
function chainOf(node: TSESTree.Node, parent: ParentOf): TSESTree.Node {
  let n = node;
  for (;;) {
    const p = parent(n);
    if (p?.type === 'MemberExpression' && p.object === n) n = p;
    else if (p?.type === 'CallExpression' && p.callee === n) n = p;
    else return n;
  }
}
