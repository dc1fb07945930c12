import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** The key a member expression reads: `b` in `a.b` or `a['b']`, `2` in `a[2]`, `*` for anything computed. */
export function memberKey(m: TSESTree.MemberExpression): string {
  if (!m.computed) return m.property.type === 'Identifier' ? m.property.name : `#${(m.property as TSESTree.PrivateIdentifier).name}`;
  const p = m.property;
  return p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number') ? String(p.value) : '*';
}

/** The name of a property key: `a` for `a` and `'a'`, `1` for `1`; null when computed. */
export function propName(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return null;
}

/** `req.query.id` from `req` and `['query', 'id', ...]` (two segments are enough to say where it came from). */
export function sourceText(name: string, path: readonly string[]): string {
  let out = name;
  for (const p of path.slice(0, 2)) {
    if (p === '*') out += '[…]';
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `['${p}']`;
  }
  return out;
}
