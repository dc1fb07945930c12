import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { requiredModule, stripNodePrefix } from './binding.js';

/** Local names bound to some modules, collected while the traversal passes the imports. */
export interface ModuleNames {
  ImportDeclaration(node: TSESTree.ImportDeclaration): void;
  VariableDeclarator(node: TSESTree.VariableDeclarator): void;
  /** True when `name` was imported or required from one of the modules (so far in the traversal). */
  has(name: string): boolean;
}

/**
 * Collects the local names imported or required from `modules` (`import got from 'got'`,
 * `import { readFile } from 'node:fs/promises'`, `const { exec } = require('child_process')`), so a rule can
 * drop calls that cannot be sinks as it meets them, without asking the taint tracker about every `.get()`.
 * Imports and requires sit at the top of a module, before the calls that use them.
 */
export function createModuleNames(modules: ReadonlySet<string>): ModuleNames {
  const names = new Set<string>();
  return {
    ImportDeclaration(node) {
      if (!modules.has(stripNodePrefix(String(node.source.value)))) return;
      for (const s of node.specifiers) names.add(s.local.name);
    },
    VariableDeclarator(node) {
      const init = node.init;
      if (init === null || (init.type !== 'CallExpression' && init.type !== 'MemberExpression' && init.type !== 'AwaitExpression')) return;
      const module = requiredModule(init);
      if (module === null || !modules.has(module)) return;
      addNames(node.id, names);
    },
    has: (name) => names.has(name),
  };
}

function addNames(pattern: TSESTree.Node, names: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      names.add(pattern.name);
      return;
    case 'ObjectPattern':
      for (const p of pattern.properties) addNames(p.type === 'RestElement' ? p.argument : p.value, names);
      return;
    case 'AssignmentPattern':
      addNames(pattern.left, names);
      return;
    default:
      return;
  }
}
