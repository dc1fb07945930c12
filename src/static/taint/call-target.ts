import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../ast-helpers.js';

/** The parts of a call's callee a sink rule matches on, read without building strings. */
export interface CallTarget {
  /** `query` in `pool.query(...)`, `exec` in `exec(...)`. */
  method: string;
  /** `pool` in `pool.query(...)`; null for a plain call. */
  receiver: TSESTree.Expression | null;
}

/** The method name and receiver of a call (or `new`); null for computed and call-result callees. */
export function callTarget(node: TSESTree.CallExpression | TSESTree.NewExpression): CallTarget | null {
  const callee = unwrap(node.callee);
  if (callee.type === 'Identifier') return { method: callee.name, receiver: null };
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return { method: callee.property.name, receiver: unwrap(callee.object) as TSESTree.Expression };
  }
  return null;
}

/**
 * The name a receiver goes by, for matching: `db` for `db`, `this.db` and `req.app.db`; `getManager` for
 * `getManager()`; `this` for `this`. Null for anything else.
 */
export function receiverName(node: TSESTree.Node | null): string | null {
  if (node === null) return null;
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') return n.property.name;
  if (n.type === 'CallExpression') return receiverName(n.callee);
  if (n.type === 'AwaitExpression') return receiverName(n.argument);
  return null;
}

/**
 * The method (or function) name of a call without allocating: `query` for `pool.query(...)`, `exec` for
 * `exec(...)`, null otherwise. Rules test it against their sink names before doing any other work, since
 * every call of the file passes through every rule's handler.
 */
export function calleeMethod(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const c = node.callee;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return !c.computed && c.property.type === 'Identifier' ? c.property.name : null;
  return c.type === 'TSNonNullExpression' || c.type === 'TSAsExpression' ? callTarget(node)?.method ?? null : null;
}
