import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../traverse.js';
import { isFunctionNode, requiredModule, stripNodePrefix, type Binding, type BindingKind, type Def, type FunctionNode } from './binding.js';

/** An assignment whose target is looked up once the file is read (it may be declared further down). */
export interface PendingDef {
  readonly target: TSESTree.Identifier;
  readonly def: Def;
}

/** What the traversal records for the resolver; everything else is derived lazily from the AST. */
export interface FileFacts {
  /** Names declared in each scope node (Program, function, block, loop head, switch, catch clause). */
  readonly scopes: Map<TSESTree.Node, Map<string, Binding>>;
  /** Assignments (`x = ...`, `obj.k = ...`, `arr.push(...)`) to attach to their binding at the end. */
  readonly pending: PendingDef[];
  /** The expressions each function returns. */
  readonly returns: Map<FunctionNode, TSESTree.Node[]>;
  /** Calls whose callee is a plain name: the call sites of local functions, resolved at the end. */
  readonly namedCalls: TSESTree.CallExpression[];
}

/** Methods that store their arguments in the receiver (`arr.push(x)`, `params.set(k, x)`). */
const MUTATORS = new Set(['push', 'unshift', 'splice', 'set', 'append', 'add']);
/** Assignment operators whose result can carry the assigned string (`-=` and friends give numbers). */
const CARRYING_ASSIGNMENTS = new Set(['=', '+=', '||=', '&&=', '??=']);
const EMPTY: readonly string[] = [];
const ELEMENT: readonly string[] = ['*'];

/** Where a scope starts and ends: the types `leave` acts on (it ignores the others). */
export const SCOPE_TYPES: readonly string[] = [
  'Program',
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'SwitchStatement',
  'CatchClause',
  'StaticBlock',
  'TSModuleBlock',
];

/** The types `enter` records something for (it ignores the others): every case of its switch. */
export const RECORDED_TYPES: readonly string[] = [
  ...SCOPE_TYPES,
  'ClassDeclaration',
  'VariableDeclarator',
  'ImportDeclaration',
  'AssignmentExpression',
  'CallExpression',
  'ReturnStatement',
];

/**
 * The recording half of the taint tracker: called on the way into the nodes of `RECORDED_TYPES` and out of those
 * of `SCOPE_TYPES` in the one traversal (any other node may be passed too, and is ignored), it keeps a stack of
 * scope nodes and records declarations, assignments, returns and named calls in O(1) per node (a switch on the
 * type; nothing is allocated for the other node types).
 */
export function createFactRecorder(parent: ParentOf): { enter(node: TSESTree.Node): void; leave(node: TSESTree.Node): void; facts: FileFacts } {
  const facts: FileFacts = { scopes: new Map(), pending: [], returns: new Map(), namedCalls: [] };
  /** Scope nodes for let/const/class/function declarations, innermost last. */
  const blocks: TSESTree.Node[] = [];
  /** Functions (and Program) for `var` and `return`, innermost last. */
  const functions: TSESTree.Node[] = [];

  const declare = (scope: TSESTree.Node, name: string, kind: BindingKind, def: Def | null, module: string | null, member?: string): void => {
    let names = facts.scopes.get(scope);
    if (names === undefined) facts.scopes.set(scope, (names = new Map()));
    let binding = names.get(name);
    if (binding === undefined) names.set(name, (binding = { name, kind, defs: [] }));
    if (def !== null) binding.defs.push(def);
    if (module !== null) {
      binding.module = module;
      if (member !== undefined) binding.member = member;
    }
  };

  const bindPattern = (
    scope: TSESTree.Node,
    pattern: TSESTree.Node,
    expr: TSESTree.Node | null,
    path: readonly string[],
    kind: BindingKind,
    module: string | null,
  ): void => {
    switch (pattern.type) {
      case 'Identifier':
        // `const { join } = require('path')`: the binding is the module's member `join`.
        declare(scope, pattern.name, kind, expr === null ? null : { expr, path }, module, path.length === 1 && path[0] !== '*' ? path[0] : undefined);
        return;
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') bindPattern(scope, p.argument, expr, path, kind, module);
          else bindPattern(scope, p.value, expr, [...path, propertyKey(p)], kind, module);
        }
        return;
      case 'ArrayPattern':
        for (const el of pattern.elements) if (el !== null) bindPattern(scope, el, expr, [...path, '*'], kind, module);
        return;
      case 'AssignmentPattern':
        bindPattern(scope, pattern.left, expr, path, kind, module);
        bindPattern(scope, pattern.left, pattern.right, EMPTY, kind, null);
        return;
      case 'RestElement':
        bindPattern(scope, pattern.argument, expr, path, kind, module);
        return;
      default:
        return;
    }
  };

  const assignPattern = (pattern: TSESTree.Node, expr: TSESTree.Node, path: readonly string[]): void => {
    switch (pattern.type) {
      case 'Identifier':
        facts.pending.push({ target: pattern, def: { expr, path } });
        return;
      case 'MemberExpression': {
        const root = memberRoot(pattern);
        if (root !== null) facts.pending.push({ target: root, def: { expr, path, mutation: true } });
        return;
      }
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') assignPattern(p.argument, expr, path);
          else assignPattern(p.value, expr, [...path, propertyKey(p)]);
        }
        return;
      case 'ArrayPattern':
        for (const el of pattern.elements) if (el !== null) assignPattern(el, expr, [...path, '*']);
        return;
      case 'AssignmentPattern':
        assignPattern(pattern.left, expr, path);
        assignPattern(pattern.left, pattern.right, EMPTY);
        return;
      case 'RestElement':
        assignPattern(pattern.argument, expr, path);
        return;
      default:
        return;
    }
  };

  const enter = (node: TSESTree.Node): void => {
    switch (node.type) {
      case 'Program':
        blocks.push(node);
        functions.push(node);
        return;
      case 'FunctionDeclaration':
        if (node.id !== null) declare(blocks[blocks.length - 1]!, node.id.name, 'function', { expr: node, path: EMPTY }, null);
        blocks.push(node);
        functions.push(node);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        blocks.push(node);
        functions.push(node);
        return;
      case 'BlockStatement': {
        // A function's or catch clause's body shares its scope with the parameters.
        const above = parent(node);
        if (above === undefined || (!isFunctionNode(above) && above.type !== 'CatchClause')) blocks.push(node);
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'SwitchStatement':
      case 'CatchClause':
      case 'StaticBlock':
      case 'TSModuleBlock':
        blocks.push(node);
        return;
      case 'ClassDeclaration':
        if (node.id !== null) declare(blocks[blocks.length - 1]!, node.id.name, 'class', null, null);
        return;
      case 'VariableDeclarator': {
        // A declarator's parent is always its declaration.
        const declaration = parent(node) as TSESTree.VariableDeclaration;
        const kind: BindingKind = declaration.kind === 'var' ? 'var' : declaration.kind === 'let' ? 'let' : 'const';
        const scope = kind === 'var' ? functions[functions.length - 1]! : blocks[blocks.length - 1]!;
        const loop = parent(declaration);
        if ((loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === declaration) {
          // `for (const k in o)` / `for (const x of xs)`: the keys or elements of the right-hand side.
          bindPattern(scope, node.id, loop.right, ELEMENT, kind, null);
        } else {
          const module = requiredModule(node.init);
          const init = node.init;
          if (module !== null && node.id.type === 'Identifier' && init !== null && init.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier') {
            // `const exec = require('child_process').exec`
            declare(scope, node.id.name, kind, { expr: init, path: EMPTY }, module, init.property.name);
          } else {
            bindPattern(scope, node.id, init, EMPTY, kind, module);
          }
        }
        return;
      }
      case 'ImportDeclaration': {
        const module = stripNodePrefix(String(node.source.value));
        for (const s of node.specifiers) {
          const member = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)) : undefined;
          declare(blocks[blocks.length - 1]!, s.local.name, 'import', null, module, member === 'default' ? undefined : member);
        }
        return;
      }
      case 'AssignmentExpression':
        if (CARRYING_ASSIGNMENTS.has(node.operator)) assignPattern(node.left, node.right, EMPTY);
        return;
      case 'CallExpression':
        recordCall(node);
        return;
      case 'ReturnStatement': {
        const fn = functions[functions.length - 1]!;
        if (node.argument !== null && fn.type !== 'Program') {
          const list = facts.returns.get(fn as FunctionNode);
          if (list === undefined) facts.returns.set(fn as FunctionNode, [node.argument]);
          else list.push(node.argument);
        }
        return;
      }
      default:
        return;
    }
  };

  const recordCall = (node: TSESTree.CallExpression): void => {
    const callee = node.callee;
    if (callee.type === 'Identifier') {
      facts.namedCalls.push(node);
      return;
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
    const method = callee.property.name;
    if (MUTATORS.has(method)) {
      const root = memberRoot(callee.object);
      if (root !== null) for (const a of node.arguments) facts.pending.push({ target: root, def: { expr: a.type === 'SpreadElement' ? a.argument : a, path: EMPTY, mutation: true } });
    } else if (method === 'assign' && callee.object.type === 'Identifier' && callee.object.name === 'Object') {
      const target = node.arguments[0];
      const root = target === undefined || target.type === 'SpreadElement' ? null : memberRoot(target);
      if (root !== null) for (const a of node.arguments.slice(1)) facts.pending.push({ target: root, def: { expr: a.type === 'SpreadElement' ? a.argument : a, path: EMPTY, mutation: true } });
    }
  };

  const leave = (node: TSESTree.Node): void => {
    if (blocks[blocks.length - 1] === node) blocks.pop();
    if (functions[functions.length - 1] === node) functions.pop();
  };

  return { enter, leave, facts };
}

/** The name a destructuring property reads: `id` in `{ id }` or `{ 'id': x }`; `*` for computed keys. */
export function propertyKey(p: TSESTree.Property): string {
  if (!p.computed && p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal') return String(p.key.value);
  return '*';
}

/** The variable at the root of `a.b[c].d`, or null (`this.x`, `f().y`). */
export function memberRoot(node: TSESTree.Node): TSESTree.Identifier | null {
  let n = node;
  while (n.type === 'MemberExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.type === 'MemberExpression' ? n.object : n.expression;
  return n.type === 'Identifier' ? n : null;
}
