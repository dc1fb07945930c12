import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../../traverse.js';
import { patternNames } from './pattern-names.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Where a name visible at some node is declared. */
export type Declaration =
  /** `const x = init` / `let x: T` (a plain identifier, not a destructuring pattern). */
  | { kind: 'variable'; declarator: TSESTree.VariableDeclarator; id: TSESTree.Identifier }
  /** A plain parameter, with its type annotation if any. */
  | { kind: 'param'; fn: FunctionNode; id: TSESTree.Identifier }
  | { kind: 'function'; node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression }
  | { kind: 'import'; node: TSESTree.ImportDeclaration; specifier: TSESTree.ImportClause }
  /** A name bound by destructuring in a declaration: `const { readFile } = require('fs/promises')`. */
  | { kind: 'destructured'; declarator: TSESTree.VariableDeclarator }
  /** Anything else: destructured parameters, classes, enums, catch parameters. */
  | { kind: 'other' };

/**
 * Resolves `name` as seen from `from` by walking up its ancestors and scanning the declarations each scope holds
 * directly: function parameters, the statements of enclosing blocks and of the module (in any order, so hoisted
 * and later declarations are found), loop heads and catch parameters. Null when nothing in the file declares it
 * (a global). A `var` declared in a nested block is not found, so callers treat "not found" as unknown. Meant for
 * the rare candidates a rule has already picked out: the cost is the depth of the node plus the statements of
 * its enclosing blocks. `parent` is the rule context's (`ctx.parent`).
 */
export function findDeclaration(name: string, from: TSESTree.Node, parent: ParentOf): Declaration | null {
  let n: TSESTree.Node | undefined = parent(from);
  while (n) {
    const found = declaredIn(n, name);
    if (found) return found;
    n = parent(n);
  }
  return null;
}

function declaredIn(scope: TSESTree.Node, name: string): Declaration | null {
  switch (scope.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      return inStatements(scope.body, name);
    case 'SwitchStatement':
      for (const c of scope.cases) {
        const found = inStatements(c.consequent, name);
        if (found) return found;
      }
      return null;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      for (const p of scope.params) {
        if (p.type === 'Identifier') {
          if (p.name === name) return { kind: 'param', fn: scope, id: p };
        } else if (patternNames(p).includes(name)) return { kind: 'other' };
      }
      if (scope.type === 'FunctionExpression' && scope.id?.name === name) return { kind: 'function', node: scope };
      return null;
    case 'ForStatement':
      return scope.init?.type === 'VariableDeclaration' ? inVariables(scope.init, name) : null;
    case 'ForInStatement':
    case 'ForOfStatement':
      return scope.left.type === 'VariableDeclaration' ? inVariables(scope.left, name) : null;
    case 'CatchClause':
      return scope.param && patternNames(scope.param).includes(name) ? { kind: 'other' } : null;
    default:
      return null;
  }
}

function inStatements(statements: readonly TSESTree.Node[], name: string): Declaration | null {
  for (const s of statements) {
    const d = s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' ? s.declaration : s;
    if (!d) continue;
    switch (d.type) {
      case 'VariableDeclaration': {
        const found = inVariables(d, name);
        if (found) return found;
        break;
      }
      case 'FunctionDeclaration':
        if (d.id?.name === name) return { kind: 'function', node: d };
        break;
      case 'ClassDeclaration':
      case 'TSEnumDeclaration':
        if (d.id?.name === name) return { kind: 'other' };
        break;
      case 'ImportDeclaration':
        for (const specifier of d.specifiers) if (specifier.local.name === name) return { kind: 'import', node: d, specifier };
        break;
      default:
        break;
    }
  }
  return null;
}

function inVariables(declaration: TSESTree.VariableDeclaration, name: string): Declaration | null {
  for (const declarator of declaration.declarations) {
    if (declarator.id.type === 'Identifier') {
      if (declarator.id.name === name) return { kind: 'variable', declarator, id: declarator.id };
    } else if (patternNames(declarator.id).includes(name)) return { kind: 'destructured', declarator };
  }
  return null;
}
