import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../../ast-helpers.js';
import type { ModuleBindings } from './collect-module-bindings.js';

/**
 * The module and member path an expression names through the bindings: with `import jwt from
 * 'jsonwebtoken'`, `jwt.verify` is `{ source: 'jsonwebtoken', path: ['verify'] }`; with
 * `import { verify } from 'jsonwebtoken'`, `verify` is the same. Null for names not bound to a module.
 */
export function importedPath(node: TSESTree.Node, bindings: ModuleBindings): { source: string; path: string[] } | null {
  const path: string[] = [];
  let n = unwrap(node);
  while (n.type === 'MemberExpression') {
    if (n.computed || n.property.type !== 'Identifier') return null;
    path.unshift(n.property.name);
    n = unwrap(n.object);
  }
  if (n.type !== 'Identifier') return null;
  const binding = bindings.get(n.name);
  if (!binding) return null;
  if (binding.imported !== '*') path.unshift(binding.imported);
  if (path[0] === 'default') path.shift();
  return { source: binding.source, path };
}
