import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * The static name of an object key or member property: `token` in `{ token: x }`, `{ 'token': x }`,
 * `a.token` and `a['token']`. Null for computed keys that are not string literals.
 */
export function propertyKeyName(node: TSESTree.Property | TSESTree.MemberExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (key.type === 'Identifier' && !node.computed) return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}
