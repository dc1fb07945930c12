import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** A function-like node: declarations, expressions and arrows. */
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * One value assigned to a binding: the expression, and the property path from it to the value
 * (`const { query: { id } } = req` gives `req` with path `['query', 'id']`; `*` is an element or a computed key).
 */
export interface Def {
  readonly expr: TSESTree.Node;
  readonly path: readonly string[];
  /** Stored into the value rather than assigned (`obj.k = v`, `arr.push(v)`): it taints the value, not its shape. */
  readonly mutation?: true;
}

/** How a name was declared (`global`: an implicit global, assigned without a declaration). */
export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch' | 'global';

/** A declared name in one scope, with every value assigned to it anywhere (flow-insensitive). */
export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly defs: Def[];
  /** For parameters: the function, the position, whether it is a rest parameter, and the path inside a pattern. */
  readonly fn?: FunctionNode;
  readonly index?: number;
  readonly rest?: boolean;
  readonly path?: readonly string[];
  /** For imports and `require`: the module, without a `node:` prefix, and the member for named imports (`join`). */
  module?: string;
  member?: string;
}

/** True for the three function node types. */
export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The module name of `require('x')` or `require('x').y` (without `node:`), or null. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | null {
  let n = node;
  while (n && n.type === 'MemberExpression') n = n.object;
  if (n && n.type === 'AwaitExpression') n = n.argument;
  if (!n) return null;
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require') {
    const arg = n.arguments[0];
    if (arg && arg.type === 'Literal' && typeof arg.value === 'string') return stripNodePrefix(arg.value);
  }
  if (n.type === 'ImportExpression' && n.source.type === 'Literal' && typeof n.source.value === 'string') {
    return stripNodePrefix(n.source.value);
  }
  return null;
}

/** `node:fs` -> `fs`. */
export function stripNodePrefix(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module;
}
