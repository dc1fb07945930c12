import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../../ast-helpers.js';

/** Where a local name comes from: `{ source: 'jsonwebtoken', imported: 'verify' }`; `*` for default and namespace. */
export interface ModuleBinding {
  source: string;
  imported: string;
}

/** Local names bound to modules at the top of a file: `import`, `import x = require()`, `const x = require()`. */
export type ModuleBindings = ReadonlyMap<string, ModuleBinding>;

/**
 * Reads the module bindings of a program from its top-level statements (imports are always there, and
 * `require` almost always). Default and namespace imports both map to `*`, since CommonJS packages are
 * reached either way. `node:` prefixes are dropped.
 */
export function collectModuleBindings(program: TSESTree.Program): ModuleBindings {
  const bindings = new Map<string, ModuleBinding>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const source = moduleName(statement.source.value);
      for (const s of statement.specifiers) {
        const imported =
          s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)) : '*';
        bindings.set(s.local.name, { source, imported: imported === 'default' ? '*' : imported });
      }
    } else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference') {
      const ref = statement.moduleReference.expression;
      if (ref.type === 'Literal' && typeof ref.value === 'string') bindings.set(statement.id.name, { source: moduleName(ref.value), imported: '*' });
    } else if (statement.type === 'VariableDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration')) {
      const declaration = statement.type === 'VariableDeclaration' ? statement : (statement.declaration as TSESTree.VariableDeclaration);
      for (const d of declaration.declarations) if (d.init) bindRequire(d.id, d.init, bindings);
    }
  }
  return bindings;
}

/**
 * True when some top-level statement of the program imports or requires one of `sources` (`node:` dropped),
 * which `collectModuleBindings` needs to bind any name to one of them. Lets a rule that only cares about a few
 * packages skip building the bindings of the many files that import none of them.
 */
export function importsAnyOf(program: TSESTree.Program, sources: ReadonlySet<string>): boolean {
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (sources.has(moduleName(statement.source.value))) return true;
    } else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference') {
      const ref = statement.moduleReference.expression;
      if (ref.type === 'Literal' && typeof ref.value === 'string' && sources.has(moduleName(ref.value))) return true;
    } else if (statement.type === 'VariableDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration')) {
      const declaration = statement.type === 'VariableDeclaration' ? statement : (statement.declaration as TSESTree.VariableDeclaration);
      for (const d of declaration.declarations) {
        if (!d.init) continue;
        const required = requireOf(d.init);
        if (required !== null && sources.has(required.source)) return true;
      }
    }
  }
  return false;
}

/** `require('m')`, `require('m').x` and `require('m').default` on the right of a declaration. */
function bindRequire(id: TSESTree.Node, init: TSESTree.Node, bindings: Map<string, ModuleBinding>): void {
  const required = requireOf(init);
  if (required === null) return;
  const { source, member } = required;
  if (id.type === 'Identifier') {
    bindings.set(id.name, { source, imported: member ?? '*' });
  } else if (id.type === 'ObjectPattern' && member === null) {
    for (const p of id.properties) {
      if (p.type !== 'Property' || p.key.type !== 'Identifier' || p.computed) continue;
      const local = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
      if (local.type === 'Identifier') bindings.set(local.name, { source, imported: p.key.name });
    }
  }
}

/** The module (and member, null for the whole module or `.default`) that `init` requires, or null. */
function requireOf(init: TSESTree.Node): { source: string; member: string | null } | null {
  let n = unwrap(init);
  if (n.type === 'AwaitExpression') n = unwrap(n.argument);
  let member: string | null = null;
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    member = n.property.name === 'default' ? null : n.property.name;
    n = unwrap(n.object);
  }
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return null;
  const arg = n.arguments[0];
  if (!arg || arg.type !== 'Literal' || typeof arg.value !== 'string') return null;
  return { source: moduleName(arg.value), member };
}

function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
