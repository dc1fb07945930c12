import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { ParentOf } from '../../../traverse.js';

/** The identifiers of one file that read or write a binding, grouped by name. */
export interface IdentifierIndex {
  /** References to `name` inside `scope` (by source range), other than `except`. Call from `ctx.atEnd` only. */
  referencesTo(name: string, scope: TSESTree.Node, except?: TSESTree.Node): TSESTree.Identifier[];
}

/**
 * Creates an index that is built on its first question, by one walk of the program the scope belongs
 * to: most files never ask (they have no candidate), so they pay nothing. It skips identifiers that are
 * not references: object keys, member property names, declared names and import specifiers. Scopes are
 * by source range, so an inner binding that shadows the name is counted too; callers use this to widen
 * a search, never to prove safety.
 */
export function createIdentifierIndex(parent: ParentOf): IdentifierIndex {
  let byName: Map<string, TSESTree.Identifier[]> | null = null;
  return {
    referencesTo(name, scope, except) {
      byName ??= build(root(scope, parent));
      const [from, to] = scope.range;
      return (byName.get(name) ?? []).filter((n) => n !== except && n.range[0] >= from && n.range[1] <= to);
    },
  };
}

function build(program: TSESTree.Node): Map<string, TSESTree.Identifier[]> {
  const byName = new Map<string, TSESTree.Identifier[]>();
  // Each node travels with its parent (this walk knows it, where asking `ParentOf` would search from the root
  // per node), in two parallel stacks: a pair per node was an allocation for every node of the file.
  const nodes: TSESTree.Node[] = [program];
  const parents: Array<TSESTree.Node | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const p = parents.pop();
    if (node.type === 'Identifier' && isReference(node, p)) {
      const list = byName.get(node.name);
      if (list) list.push(node);
      else byName.set(node.name, [node]);
    }
    const keys = visitorKeys[node.type];
    if (keys === undefined) continue;
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let j = 0; j < child.length; j++) {
          const c: unknown = child[j];
          if (c === null || typeof c !== 'object') continue;
          nodes.push(c as TSESTree.Node);
          parents.push(node);
        }
      } else if (child !== null && typeof child === 'object') {
        nodes.push(child as TSESTree.Node);
        parents.push(node);
      }
    }
  }
  return byName;
}

function root(node: TSESTree.Node, parent: ParentOf): TSESTree.Node {
  let n = node;
  for (let p = parent(n); p; p = parent(n)) n = p;
  return n;
}

/** Whether `node`, a child of `p`, reads or writes a binding. */
function isReference(node: TSESTree.Identifier, p: TSESTree.Node | undefined): boolean {
  if (!p) return false;
  switch (p.type) {
    case 'MemberExpression':
      return p.object === node || p.computed;
    case 'Property':
      return p.value === node;
    case 'VariableDeclarator':
      return p.init === node;
    case 'ArrowFunctionExpression':
      return p.body === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'TSTypeReference':
    case 'TSQualifiedName':
    case 'TSPropertySignature':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return false;
    default:
      return true;
  }
}
