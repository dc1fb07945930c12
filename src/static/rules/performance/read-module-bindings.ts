import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** Names a module is bound to in the file, from one `import` or `require`. */
export interface ModuleBinding {
  /** The module specifier without `node:`; `fs`'s `promises` export is reported as module `fs/promises`. */
  module: string;
  /** Local names bound to the whole module: default and namespace imports, `const fs = require('fs')`. */
  whole: string[];
  /** `[local, exported]` pairs: named imports and destructured requires. */
  named: Array<[string, string]>;
}

/**
 * The module bindings an `import` declaration or a `require` declarator introduces
 * (`import fs from 'node:fs'`, `import { execSync as run } from 'child_process'`, `const { gzipSync } = require('zlib')`,
 * `const fsp = require('fs').promises`). Empty for anything else and for type-only imports.
 */
export function readModuleBindings(node: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator): readonly ModuleBinding[] {
  return node.type === 'ImportDeclaration' ? fromImport(node) : fromRequire(node);
}

/** Shared empty answer: most declarators are not requires, and this runs for every one of them. */
const NONE: readonly ModuleBinding[] = [];

function fromImport(node: TSESTree.ImportDeclaration): readonly ModuleBinding[] {
  if (node.importKind === 'type') return NONE;
  const binding: ModuleBinding = { module: normalise(node.source.value), whole: [], named: [] };
  const extra: ModuleBinding[] = [];
  for (const s of node.specifiers) {
    if (s.type !== 'ImportSpecifier') binding.whole.push(s.local.name);
    else if (s.importKind !== 'type') {
      const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
      if (binding.module === 'fs' && imported === 'promises') extra.push({ module: 'fs/promises', whole: [s.local.name], named: [] });
      else binding.named.push([s.local.name, imported]);
    }
  }
  return [binding, ...extra];
}

function fromRequire(node: TSESTree.VariableDeclarator): readonly ModuleBinding[] {
  const init = node.init;
  if (!init || (init.type !== 'CallExpression' && init.type !== 'MemberExpression')) return NONE;
  const direct = requiredModule(init);
  if (direct !== null) {
    if (node.id.type === 'Identifier') return [{ module: direct, whole: [node.id.name], named: [] }];
    if (node.id.type !== 'ObjectPattern') return NONE;
    const binding: ModuleBinding = { module: direct, whole: [], named: [] };
    const extra: ModuleBinding[] = [];
    for (const p of node.id.properties) {
      if (p.type !== 'Property' || p.computed) continue;
      const exported = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
      const value = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
      if (exported === null || value.type !== 'Identifier') continue;
      if (direct === 'fs' && exported === 'promises') extra.push({ module: 'fs/promises', whole: [value.name], named: [] });
      else binding.named.push([value.name, exported]);
    }
    return [binding, ...extra];
  }
  // `const fsp = require('fs').promises` / `const exec = require('child_process').execSync`
  if (init.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier' && node.id.type === 'Identifier') {
    const module = requiredModule(init.object);
    if (module === null) return NONE;
    if (module === 'fs' && init.property.name === 'promises') return [{ module: 'fs/promises', whole: [node.id.name], named: [] }];
    return [{ module, whole: [], named: [[node.id.name, init.property.name]] }];
  }
  return NONE;
}

function requiredModule(node: TSESTree.Node): string | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const arg = node.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? normalise(arg.value) : null;
}

function normalise(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
