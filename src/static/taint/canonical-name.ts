import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../ast-helpers.js';
import type { Binding } from './binding.js';

/**
 * The name a callee stands for, with imported names replaced by their module: `join` after
 * `import { join } from 'node:path'` and `p.join` after `const p = require('path')` are both `path.join`;
 * `fs/promises` reads as `fs.promises`. Local and global names stay as written (`JSON.parse`, `db.query`).
 * Null for computed or call-result callees.
 */
export function canonicalName(callee: TSESTree.Node, find: (id: TSESTree.Identifier) => Binding | null): string | null {
  const names: string[] = [];
  let n = unwrap(callee);
  while (n.type === 'MemberExpression') {
    if (n.computed || n.property.type !== 'Identifier') return null;
    names.push(n.property.name);
    n = unwrap(n.object);
  }
  if (n.type === 'ThisExpression') names.push('this');
  else if (n.type === 'Identifier') names.push(rootName(n, find));
  else return null;
  return names.reverse().join('.');
}

function rootName(id: TSESTree.Identifier, find: (id: TSESTree.Identifier) => Binding | null): string {
  const b = find(id);
  if (b?.module === undefined) return id.name;
  const module = b.module.replace(/\//g, '.');
  return b.member === undefined ? module : `${module}.${b.member}`;
}
