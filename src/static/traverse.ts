import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

type Node = TSESTree.Node;

/** A visitor callback. */
export type NodeHandler = (node: TSESTree.Node) => void;

/**
 * The parent of a node of the file being walked; undefined for the root (and for a node not in the file).
 * Rules and the taint tracker ask this instead of reading `node.parent`, which the walk does not set.
 */
export type ParentOf = (node: TSESTree.Node) => TSESTree.Node | undefined;

/**
 * Handlers by node-type index (see `typeIndexOf`), built once per file: one lookup per node finds the child
 * keys and both handler lists, where a Map per event cost three.
 */
export interface HandlerTable {
  enter: Array<NodeHandler[] | undefined>;
  exit: Array<NodeHandler[] | undefined>;
}

const TYPE_INDEX = new Map<string, number>();
const CHILD_KEYS: Array<readonly string[]> = [];

function addType(type: string, keys: readonly string[]): number {
  const i = CHILD_KEYS.length;
  TYPE_INDEX.set(type, i);
  CHILD_KEYS.push(keys);
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

/** One file's walk: `run` traverses it, `parent` answers parent questions during and after the walk. */
export interface Walk {
  /**
   * Depth-first walk that calls, per node: `before`, the table's enter handlers, the children, the table's
   * exit handlers, then `after`. Written here rather than using typescript-estree's `simpleTraverse` because
   * rules need leave events (scopes close, functions end) and that helper offers only enter.
   */
  run(table: HandlerTable, before: NodeHandler, after: NodeHandler): void;
  parent: ParentOf;
}

/**
 * Prepares the walk of `root`. The walk writes nothing on the nodes: it keeps the path from the root to the
 * current node, and that path answers `parent` for the current node and its ancestors, which is what rules
 * ask nearly every time. Any other node's path is found by descending from the root into the child whose
 * source range holds the node (a few dozen steps), and kept, so walking up from there is answered from it too.
 *
 * Why not `node.parent = parent` on every node, as ESLint does: on a 253k-line corpus that store alone cost
 * about a tenth of the parse time (`npm run bench:static`), most of it in the garbage collector, because it
 * adds a property to every node after the parser made it and points old nodes at younger ones.
 */
export function createWalk(root: TSESTree.Node): Walk {
  /** The live path during the walk: `path[0]` is the root, `path[depth - 1]` the current node. */
  const path: Node[] = [];
  let depth = 0;
  /** Where the last answer was found on the live path; walking up asks for the slot below next. */
  let hint = 0;
  /** The path to the last node asked about off the live path, root first. */
  let side: Node[] = [];

  const onPath = (list: readonly Node[], length: number, node: Node): number => {
    if (hint < length && list[hint] === node) return hint;
    if (hint > 0 && hint - 1 < length && list[hint - 1] === node) return hint - 1;
    for (let i = length - 1; i >= 0; i--) if (list[i] === node) return i;
    return -1;
  };

  const parent: ParentOf = (node) => {
    let i = onPath(path, depth, node);
    if (i >= 0) {
      hint = i - 1;
      return i > 0 ? path[i - 1] : undefined;
    }
    i = side.lastIndexOf(node);
    if (i < 0) {
      side = pathTo(root, node, side) ?? [];
      i = side.length - 1;
      if (i < 0) return undefined;
    }
    return i > 0 ? side[i - 1] : undefined;
  };

  const run = (table: HandlerTable, before: NodeHandler, after: NodeHandler): void => {
    const { enter, exit } = table;
    // Index loops and the cheap null/object test first: for...of and Array.isArray on every key made this walk
    // twice as slow (measured with bench/static.bench.ts), and it runs once per node of every file.
    const visit = (node: Node): void => {
      path[depth++] = node;
      const t = TYPE_INDEX.get(node.type);
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
              visit(c);
            }
          } else {
            visit(child as Node);
          }
        }
        const off = exit[t];
        if (off !== undefined) for (let i = 0; i < off.length; i++) off[i]!(node);
      }
      after(node);
      depth--;
    };
    visit(root);
    path.length = 0;
  };

  return { run, parent };
}

/** Walks `root` with `before` and `after` only (no handler table). */
export function traverse(root: TSESTree.Node, before: NodeHandler, after: NodeHandler): void {
  createWalk(root).run(createHandlerTable(), before, after);
}

/**
 * The nodes from `root` down to `target`, both included, or null when `target` is not under `root`. Descends
 * only into children whose range holds the target's (children's ranges nest in their parent's); should a
 * parser quirk break that, the search is repeated over every node. Starts from the deepest node of `near` (the
 * previous answer's path) whose range holds the target: the taint tracker asks about the assignments of a file
 * in source order, so consecutive questions share most of their path.
 */
function pathTo(root: Node, target: Node, near: readonly Node[]): Node[] | null {
  const [start, end] = target.range;
  let from = 0;
  for (let i = near.length - 1; i > 0; i--) {
    const r = near[i]!.range;
    if (near[i] !== target && r[0] <= start && end <= r[1]) {
      from = i;
      break;
    }
  }
  if (from > 0) {
    const out = near.slice(0, from);
    const rest = pathTo(near[from]!, target, []);
    if (rest !== null) return out.concat(rest);
  }
  const out: Node[] = [];
  const search = (node: Node, pruned: boolean): boolean => {
    out.push(node);
    if (node === target) return true;
    const keys = CHILD_KEYS[TYPE_INDEX.get(node.type) ?? -1];
    if (keys !== undefined) {
      for (let i = 0; i < keys.length; i++) {
        const child = (node as unknown as Record<string, unknown>)[keys[i]!];
        if (child === null || typeof child !== 'object') continue;
        const list = (Array.isArray(child) ? child : [child]) as Array<Node | null>;
        // Statement lists can hold thousands of nodes (a bundle's top level): try the one a binary search on
        // their source order points at before scanning them all, so a question stays O(depth x log width).
        // Should a list not be in source order after all, the search over every node below still finds the target.
        const guess = pruned ? lastStartingAtOrBefore(list, start) : SCAN;
        if (guess !== SCAN) {
          const c = guess >= 0 ? list[guess]! : null;
          if (c !== null && (c === target || (c.range[0] <= start && end <= c.range[1])) && search(c, true)) return true;
          continue;
        }
        for (let j = 0; j < list.length; j++) {
          const c = list[j];
          if (c === null || c === undefined || typeof c !== 'object') continue;
          if (pruned && c !== target && !(c.range[0] <= start && end <= c.range[1])) continue;
          if (search(c, pruned)) return true;
        }
      }
    }
    out.pop();
    return false;
  };
  if (search(root, true)) return out;
  out.length = 0;
  return search(root, false) ? out : null;
}

/** `lastStartingAtOrBefore`: scan this list instead. */
const SCAN = -2;

/**
 * The index of the last node of `list` that starts at or before `start`, for lists in source order; -1 when
 * none does; `SCAN` when the list is short or holds holes (the caller scans it then).
 */
function lastStartingAtOrBefore(list: ReadonlyArray<Node | null>, start: number): number {
  if (list.length < 8) return SCAN;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = list[mid];
    if (node === null || node === undefined) return SCAN;
    if (node.range[0] <= start) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
