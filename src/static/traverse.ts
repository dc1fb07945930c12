import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

type Node = TSESTree.Node & { parent?: TSESTree.Node };

/** A visitor callback. */
export type NodeHandler = (node: TSESTree.Node) => void;

/**
 * Handlers by node-type index (see `typeIndexOf`), built once per file: one lookup per node finds the child
 * keys and both handler lists, where a Map per event cost three.
 */
export interface HandlerTable {
  enter: Array<NodeHandler[] | undefined>;
  exit: Array<NodeHandler[] | undefined>;
}

type SetParent = (node: Node, parent: Node) => void;

const TYPE_INDEX = new Map<string, number>();
const CHILD_KEYS: Array<readonly string[]> = [];
/**
 * `node.parent = parent`, one compiled copy per node type. Adding `parent` changes each node's hidden class;
 * from one shared line of code that store sees every node type and V8 handles it on its slow megamorphic path,
 * which cost about a fifth of the parse time (bench/static.bench.ts). A copy per type sees one or two shapes.
 */
const SET_PARENT: SetParent[] = [];
const compileSetParent = (): SetParent => new Function('node', 'parent', 'node.parent = parent;') as SetParent;

function addType(type: string, keys: readonly string[]): number {
  const i = CHILD_KEYS.length;
  TYPE_INDEX.set(type, i);
  CHILD_KEYS.push(keys);
  SET_PARENT.push(compileSetParent());
  return i;
}
for (const [type, keys] of Object.entries(visitorKeys)) if (keys !== undefined) addType(type, keys);

/**
 * The index of a node type in handler tables. A type typescript-estree has no visitor keys for (a node it
 * copied as-is) gets an index with no children, as the walk treats it.
 */
export function typeIndexOf(type: string): number {
  return TYPE_INDEX.get(type) ?? addType(type, []);
}

/** An empty handler table. */
export function createHandlerTable(): HandlerTable {
  return { enter: [], exit: [] };
}

/** Adds `handler` for `type`, on the way in or (`exit`) on the way out. */
export function addHandler(table: HandlerTable, type: string, exit: boolean, handler: NodeHandler): void {
  const lists = exit ? table.exit : table.enter;
  const i = typeIndexOf(type);
  const list = lists[i];
  if (list === undefined) lists[i] = [handler];
  else list.push(handler);
}

/**
 * Depth-first walk that sets `parent` on the way down (on every node but the root) and calls, per node:
 * `before`, the table's enter handlers, the children, the table's exit handlers, then `after`.
 * Written here rather than using typescript-estree's `simpleTraverse` because rules need leave events
 * (scopes close, functions end) and that helper offers only enter.
 */
export function traverse(root: TSESTree.Node, table: HandlerTable, before: NodeHandler, after: NodeHandler): void {
  const { enter, exit } = table;
  // Index loops and the cheap null/object test first: for...of and Array.isArray on every key made this walk
  // twice as slow (measured with bench/static.bench.ts), and it runs once per node of every file.
  const visit = (node: Node, parent: Node | null): void => {
    const t = TYPE_INDEX.get(node.type);
    if (parent !== null) {
      if (t !== undefined) SET_PARENT[t]!(node, parent);
      else node.parent = parent;
    }
    before(node);
    if (t !== undefined) {
      const on = enter[t];
      if (on !== undefined) for (let i = 0; i < on.length; i++) on[i]!(node);
      const keys = CHILD_KEYS[t]!;
      for (let i = 0; i < keys.length; i++) {
        const child = (node as unknown as Record<string, unknown>)[keys[i]!];
        if (child === null || typeof child !== 'object') continue;
        if (Array.isArray(child)) {
          for (let j = 0; j < child.length; j++) {
            const c = child[j] as Node | null;
            // Arrays hold null for holes (`[a, , b]`).
            if (c === null || typeof c !== 'object') continue;
            visit(c, node);
          }
        } else {
          visit(child as Node, node);
        }
      }
      const off = exit[t];
      if (off !== undefined) for (let i = 0; i < off.length; i++) off[i]!(node);
    }
    after(node);
  };
  visit(root, null);
}
