import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget, receiverName } from '../../taint/call-target.js';
import { nodeText, replaceNodeText } from '../../taint/replace-node-text.js';
import { reportTaint } from '../../taint/report-taint.js';

/** MongoDB driver and Mongoose methods whose first argument is a filter. */
const FILTER_METHODS = new Set([
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndRemove',
  'updateOne',
  'updateMany',
  'update',
  'deleteOne',
  'deleteMany',
  'remove',
  'countDocuments',
  'count',
  'exists',
  'replaceOne',
]);
/** Every callee name the rule reads, tested first with one lookup. */
const CALLS_READ = new Set(['$where', ...FILTER_METHODS]);
/**
 * Receivers that are MongoDB collections or Mongoose models: `db.collection('x')`, `User`, `OrderModel`, `userColl`.
 * Case-sensitive on purpose: `hash.update(x)` and `cipher.update(x)` are not queries.
 */
const COLLECTIONS = /^[A-Z]|[Cc]ollection|[Mm]odel|[Cc]oll$/;
/** Receivers whose `find` is not a database query. */
const NOT_DATABASES = new Set(['_', 'lodash', 'underscore', 'R', '$', 'jQuery', 'cheerio', 'Array']);
/** ORM argument objects (Sequelize, Prisma, TypeORM) rather than MongoDB filters: their values are bound, not interpreted. */
const ORM_KEYS = new Set(['where', 'data', 'select', 'include', 'order', 'orderBy', 'relations']);
const OPERATOR_FIX = 'Compare with `$eq` (`{ field: { $eq: value } }`) or convert the value to the type you expect (`String(value)`), or validate the request body with a schema.';
const MAX_DEPTH = 4;

/**
 * MongoDB injection: `$where` (and Mongoose `.$where()`) with code that is not a constant, graded by taint;
 * and operator injection: user input that may be an object (a parsed JSON body or query string, where
 * `{"$ne": null}` is one request away) used as a filter value in `find`/`findOne`/`updateOne`/`deleteOne`/...
 * or as the whole filter. Operator injection with a filter value of unknown origin (almost always an id or a
 * string) is only `info`. Values converted to strings (`String(x)`, templates), compared
 * with `$eq`, or of string-only sources (route params, headers) are safe. Offers `{ $eq: value }`, which
 * matches exactly what the plain value matched.
 */
export const nosqlInjection: StaticRule = {
  doc: {
    id: 'nosql-injection',
    title: 'NoSQL injection',
    severity: 'high',
    category: 'security',
    help:
      'MongoDB reads objects in a filter as operators: if a request sends `{"password": {"$ne": null}}` and ' +
      'the body is passed through, the filter matches every user. `$where` runs JavaScript on the server. ' +
      'Compare with `$eq` or convert values to the expected type (`String(x)`), validate bodies with a schema, ' +
      'and never build `$where` code from input (use query operators instead).' +
      ' `$where` code of unknown origin is reported one grade lower (confidence 0.55); filter values of unknown origin are listed at `info` (0.3).',
  },
  create(ctx) {
    /** Reports `$where` code once the file is read (kept out of the handler: see `RuleVisitor`). */
    const whereLater = (node: TSESTree.Node, code: TSESTree.Node): void => ctx.atEnd(() => reportWhere(ctx, node, code));
    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      const first = node.arguments[0];
      if (t === null || t.receiver === null || first === undefined || first.type === 'SpreadElement') return;
      if (t.method === '$where') {
        ctx.atEnd(() => reportWhere(ctx, node, first));
        return;
      }
      if (!FILTER_METHODS.has(t.method) || NOT_DATABASES.has(receiverName(t.receiver) ?? '')) return;
      if (first.type === 'ArrowFunctionExpression' || first.type === 'FunctionExpression') return;
      // Only a variable's origin needs the taint tracker; any other filter is what is written here, so a call
      // that cannot report (`hash.update(buf.slice(1))`) is dropped now rather than asked about later.
      const written = unwrap(first);
      if (written.type !== 'Identifier' && written.type !== 'ObjectExpression' && !isWholeFilter(written, t.receiver)) return;
      ctx.atEnd(() => {
        const filter = ctx.taint.origin(first);
        if (filter.type === 'ObjectExpression') checkFilter(ctx, filter, 0);
        else if (isWholeFilter(filter, t.receiver)) {
          reportTaint(ctx, {
            node: first,
            value: first,
            verdict: ctx.taint.of(first, 'nosql'),
            sink: 'nosql',
            reaches: `\`${t.method}()\` as the whole filter`,
            impact: 'they choose the fields and operators of the query (`{"$ne": null}` matches every document)',
            fix: 'Build the filter from the fields you expect, each compared with `$eq` or converted to its type.',
            unknown: 'ambient',
          });
        }
      });
    };
    return {
      Property(node) {
        if (node.computed || keyName(node.key) !== '$where' || ctx.parent(node)?.type !== 'ObjectExpression') return;
        const value = unwrap(node.value);
        if (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression') return;
        whereLater(node, value);
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !CALLS_READ.has(name)) return;
        onCall(node);
      },
    };
  },
};

/** A filter (not an object literal) given whole to a receiver that looks like a collection: `cache.remove(key)` is no query. */
function isWholeFilter(filter: TSESTree.Node, receiver: TSESTree.Node | null): boolean {
  return COLLECTIONS.test(receiverName(receiver) ?? '') && filter.type !== 'ArrowFunctionExpression' && filter.type !== 'FunctionExpression' && filter.type !== 'Literal';
}

function reportWhere(ctx: RuleContext, node: TSESTree.Node, code: TSESTree.Node): void {
  reportTaint(ctx, {
    node,
    value: code,
    verdict: ctx.taint.of(code, 'code'),
    sink: 'code',
    reaches: '`$where`, which the database runs as JavaScript',
    impact: 'they run code inside the database (read any document, or loop forever)',
    fix: 'Express the condition with query operators (`$expr`, `$gt`, `$regex` on escaped text) instead of `$where`.',
    unknown: 'lower',
  });
}

/** Checks each value of a filter object literal, into `$and`/`$or`/`$nor` and nested documents. */
function checkFilter(ctx: RuleContext, filter: TSESTree.ObjectExpression, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const p of filter.properties) {
    if (p.type === 'SpreadElement') {
      reportOperator(ctx, p, p.argument, 'spread into a filter');
      continue;
    }
    if (p.computed) {
      reportOperator(ctx, p, p.key, 'as a filter field name');
      continue;
    }
    const key = keyName(p.key) ?? '';
    if (depth === 0 && ORM_KEYS.has(key)) return;
    const value = unwrap(p.value);
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (value.type === 'ArrayExpression') for (const el of value.elements) if (el?.type === 'ObjectExpression') checkFilter(ctx, el, depth + 1);
      continue;
    }
    // An operator's operand is compared as a value (`{ $gt: x }`): operators inside it are not interpreted.
    if (key.startsWith('$')) continue;
    const shape = ctx.taint.origin(value);
    if (shape.type === 'ObjectExpression') {
      checkFilter(ctx, shape, depth + 1);
      continue;
    }
    const suggestion = p.kind !== 'init' || p.method ? undefined : replaceNodeText(ctx.lines, p, p, `${nodeText(ctx.lines, p.key)}: { $eq: ${nodeText(ctx.lines, p.value)} }`);
    reportOperator(ctx, p, value, `as the value of \`${key}\` in a filter`, suggestion);
  }
}

function reportOperator(ctx: RuleContext, node: TSESTree.Node, value: TSESTree.Node, where: string, suggestion?: string): void {
  reportTaint(ctx, {
    node,
    value,
    verdict: ctx.taint.of(value, 'nosql'),
    sink: 'nosql',
    reaches: `a MongoDB query ${where}`,
    impact: 'an object such as `{"$ne": null}` in its place turns the comparison into an operator that matches every document',
    fix: OPERATOR_FIX,
    unknown: 'ambient',
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}

function keyName(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return null;
}
