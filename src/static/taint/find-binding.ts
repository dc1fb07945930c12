import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, type Binding, type FunctionNode } from './binding.js';
import type { ParentOf } from '../traverse.js';
import { propertyKey, type FileFacts } from './record-facts.js';

/**
 * Finds the binding an identifier refers to by walking up its parents (`parent`, from the walk) and looking at
 * the names each scope node declares: lexical scoping and shadowing for free, without a scope stack at query
 * time. Parameters, a function expression's own name and catch parameters are bound lazily on the first
 * lookup that passes their node, so the traversal never allocates for them.
 */
export function createBindingFinder(facts: FileFacts, parent: ParentOf): {
  /** The declared binding `id` refers to; null for a global (implicit globals are under `global`). */
  find(id: TSESTree.Identifier): Binding | null;
  /** The binding of an implicit global (`x = 1` with no declaration), created on first assignment. */
  global(name: string, create: boolean): Binding | null;
} {
  const lazilyBound = new Set<TSESTree.Node>();
  const globals = new Map<string, Binding>();

  const scopeOf = (node: TSESTree.Node): Map<string, Binding> => {
    let names = facts.scopes.get(node);
    if (names === undefined) facts.scopes.set(node, (names = new Map()));
    return names;
  };

  const bindLazily = (node: TSESTree.Node): void => {
    lazilyBound.add(node);
    if (isFunctionNode(node)) {
      const names = scopeOf(node);
      node.params.forEach((p, index) => bindParam(names, node, p, index, []));
      if (node.type === 'FunctionExpression' && node.id !== null && !names.has(node.id.name)) {
        names.set(node.id.name, { name: node.id.name, kind: 'function', defs: [{ expr: node, path: [] }] });
      }
    } else if (node.type === 'CatchClause' && node.param !== null) {
      bindCatch(scopeOf(node), node.param);
    }
  };

  return {
    find(id) {
      const name = id.name;
      for (let n = parent(id); n !== undefined; n = parent(n)) {
        if ((isFunctionNode(n) || n.type === 'CatchClause') && !lazilyBound.has(n)) bindLazily(n);
        const binding = facts.scopes.get(n)?.get(name);
        if (binding !== undefined) return binding;
      }
      return null;
    },
    global(name, create) {
      let binding = globals.get(name);
      if (binding === undefined && create) globals.set(name, (binding = { name, kind: 'global', defs: [] }));
      return binding ?? null;
    },
  };
}

/** Binds the names of parameter `index` of `fn`; a name declared in the body with `var` keeps that binding. */
function bindParam(names: Map<string, Binding>, fn: FunctionNode, pattern: TSESTree.Node, index: number, path: string[], rest = false): void {
  switch (pattern.type) {
    case 'Identifier':
      if (!names.has(pattern.name)) names.set(pattern.name, { name: pattern.name, kind: 'param', defs: [], fn, index, rest, path });
      return;
    case 'AssignmentPattern': {
      bindParam(names, fn, pattern.left, index, path, rest);
      // The default value flows in too; attach it to every name the left side binds.
      for (const b of boundNames(pattern.left)) names.get(b)?.defs.push({ expr: pattern.right, path: [] });
      return;
    }
    case 'ObjectPattern':
      for (const p of pattern.properties) {
        if (p.type === 'RestElement') bindParam(names, fn, p.argument, index, path, rest);
        else bindParam(names, fn, p.value, index, [...path, propertyKey(p)], rest);
      }
      return;
    case 'ArrayPattern':
      for (const el of pattern.elements) if (el !== null) bindParam(names, fn, el, index, [...path, '*'], rest);
      return;
    case 'RestElement':
      bindParam(names, fn, pattern.argument, index, path, true);
      return;
    case 'TSParameterProperty':
      bindParam(names, fn, pattern.parameter, index, path, rest);
      return;
    default:
      return;
  }
}

function bindCatch(names: Map<string, Binding>, pattern: TSESTree.Node): void {
  for (const name of boundNames(pattern)) if (!names.has(name)) names.set(name, { name, kind: 'catch', defs: [] });
}

/** The names a pattern binds. */
function boundNames(pattern: TSESTree.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    case 'RestElement':
      return boundNames(pattern.argument);
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => boundNames(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((el) => (el === null ? [] : boundNames(el)));
    default:
      return [];
  }
}
