import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * The last name of a callee without building its dotted name: `exec` for `exec`, `cp.exec` and
 * `a.b.exec`; null for computed and call-result callees. Rules use it to skip the many calls they do
 * not care about before doing any real work.
 */
export function calleeTail(callee: TSESTree.Node): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}
