import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../../traverse.js';
import { findDeclaration } from '../bug/find-declaration.js';
import { readModuleBindings } from './read-module-bindings.js';

/** What a name is bound to by an `import` or `require`. */
export interface ResolvedBinding {
  /** The module without `node:`; `fs`'s `promises` export counts as module `fs/promises`. */
  module: string;
  /** The export for a named binding (`readFileSync`); null when the name is the module itself. */
  exported: string | null;
}

/**
 * The module binding `name` has where `from` sits, resolved in scope: `import fs from 'node:fs'` and
 * `const fs = require('fs')` give `{ module: 'fs', exported: null }`; `import { execSync as run } from 'child_process'`
 * gives `{ module: 'child_process', exported: 'execSync' }` for `run`. Null for anything else (a local, a global).
 * `parent` is the rule context's (`ctx.parent`).
 */
export function moduleBindingOf(name: string, from: TSESTree.Node, parent: ParentOf): ResolvedBinding | null {
  const d = findDeclaration(name, from, parent);
  const source = d?.kind === 'import' ? d.node : d?.kind === 'variable' || d?.kind === 'destructured' ? d.declarator : null;
  if (source === null) return null;
  for (const b of readModuleBindings(source)) {
    if (b.whole.includes(name)) return { module: b.module, exported: null };
    const named = b.named.find(([local]) => local === name);
    if (named) return { module: b.module, exported: named[1] };
  }
  return null;
}
