import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';

/**
 * The variable a reference or member chain hangs off: `a` for `a`, `a.b[0].c` and `(a as T).b`; `this` for
 * `this.x`; null when the chain starts at a call or another expression (`f().x`).
 */
export function memberRoot(node: TSESTree.Node): string | null {
  let n = unwrap(node);
  while (n.type === 'MemberExpression') n = unwrap(n.object);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  return null;
}
