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
/** Per type index: true for types without child keys (`Literal`, `ThisExpression`, `TemplateElement`, ...). */
const LEAF: boolean[] = [];

function addType(type: string, keys: readonly string[]): number {
  const i = CHILD_KEYS.length;
  TYPE_INDEX.set(type, i);
  CHILD_KEYS.push(keys);
  LEAF.push(keys.length === 0);
  return i;
}
for (const [type, keys] of Object.entries(visitorKeys)) if (keys !== undefined) addType(type, keys);

const IDENTIFIER = TYPE_INDEX.get('Identifier')!;

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
   * exit handlers, then `after`. Without `before` and `after`, leaves no handler wants (identifiers, literals,
   * `this`) are not visited at all. Written here rather than using typescript-estree's `simpleTraverse`
   * because rules need leave events (scopes close, functions end) and that helper offers only enter.
   */
  run(table: HandlerTable, before?: NodeHandler, after?: NodeHandler): void;
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

  const run = (table: HandlerTable, before?: NodeHandler, after?: NodeHandler): void => {
    const { enter, exit } = table;
    /**
     * Per type index: true when a node of that type is passed over, not visited: no hook and no handler wants
     * it and it has nothing below it (a literal, `this`, a template's text, an identifier without a type or
     * decorators). About half the nodes of a file are such leaves.
     */
    const skip: boolean[] = [];
    if (before === undefined && after === undefined) {
      for (let t = 0; t < CHILD_KEYS.length; t++) skip[t] = enter[t] === undefined && exit[t] === undefined && (LEAF[t] === true || t === IDENTIFIER);
    }
    const child = (value: unknown): void => {
      if (value === null || typeof value !== 'object') return;
      const node = value as Node;
      const t = typeIndexOf(node.type);
      if (skip[t] === true && (t !== IDENTIFIER || isBare(node as TSESTree.Identifier))) return;
      visit(node, t);
    };
    const list = (values: ReadonlyArray<unknown>): void => {
      // Arrays hold null for holes (`[a, , b]`), which `child` passes over.
      for (let i = 0; i < values.length; i++) child(values[i]);
    };
    // Index loops and the cheap null/object test first: for...of and Array.isArray on every key made this walk
    // twice as slow (measured with bench/static.bench.ts), and it runs once per node of every file.
    const visit = (node: Node, t: number): void => {
      path[depth++] = node;
      if (before !== undefined) before(node);
      const on = enter[t];
      if (on !== undefined) for (let i = 0; i < on.length; i++) on[i]!(node);
      if (SPECIALISED) visitChildren(node, t, child, list);
      else visitByKeys(node, t, child, list);
      const off = exit[t];
      if (off !== undefined) for (let i = 0; i < off.length; i++) off[i]!(node);
      if (after !== undefined) after(node);
      depth--;
    };
    visit(root, typeIndexOf(root.type));
    path.length = 0;
  };

  return { run, parent };
}

/** Walks every node of `root` with `before` and `after` only (no handler table). */
export function traverse(root: TSESTree.Node, before: NodeHandler, after: NodeHandler): void {
  createWalk(root).run(createHandlerTable(), before, after);
}

type Visit = (value: unknown) => void;
type VisitList = (values: ReadonlyArray<unknown>) => void;

/** The children of `node` in visitor-key order, read key by key (a keyed load: slow, as node shapes are many). */
function visitByKeys(node: Node, t: number, child: Visit, list: VisitList): void {
  const keys = CHILD_KEYS[t]!;
  for (let i = 0; i < keys.length; i++) {
    const value = (node as unknown as Record<string, unknown>)[keys[i]!];
    if (Array.isArray(value)) list(value);
    else child(value);
  }
}

/**
 * The visitor keys of the node types `visitChildren` names itself: the commonest types of real code. A keyed
 * load per key (`node[key]`) sees every node shape of the file and runs the slow generic lookup; a named load
 * per type (`node.object`) sees a shape or two. Checked against `visitorKeys` when this module loads.
 */
export const SPECIALISED_KEYS: Readonly<Record<string, readonly string[]>> = {
  Program: ['body'],
  Identifier: ['decorators', 'typeAnnotation'],
  MemberExpression: ['object', 'property'],
  CallExpression: ['callee', 'typeArguments', 'arguments'],
  NewExpression: ['callee', 'typeArguments', 'arguments'],
  Property: ['key', 'value'],
  ExpressionStatement: ['expression'],
  ChainExpression: ['expression'],
  TSNonNullExpression: ['expression'],
  BlockStatement: ['body'],
  ClassBody: ['body'],
  VariableDeclaration: ['declarations'],
  VariableDeclarator: ['id', 'init'],
  ObjectExpression: ['properties'],
  ArrayExpression: ['elements'],
  BinaryExpression: ['left', 'right'],
  LogicalExpression: ['left', 'right'],
  AssignmentExpression: ['left', 'right'],
  ReturnStatement: ['argument'],
  UnaryExpression: ['argument'],
  AwaitExpression: ['argument'],
  SpreadElement: ['argument'],
  ThrowStatement: ['argument'],
  UpdateExpression: ['argument'],
  IfStatement: ['test', 'consequent', 'alternate'],
  ConditionalExpression: ['test', 'consequent', 'alternate'],
  ArrowFunctionExpression: ['typeParameters', 'params', 'returnType', 'body'],
  FunctionExpression: ['id', 'typeParameters', 'params', 'returnType', 'body'],
  FunctionDeclaration: ['id', 'typeParameters', 'params', 'returnType', 'body'],
  TemplateLiteral: ['quasis', 'expressions'],
  TSAsExpression: ['expression', 'typeAnnotation'],
  TSTypeAnnotation: ['typeAnnotation'],
  TSTypeReference: ['typeName', 'typeArguments'],
  TSTypeParameterInstantiation: ['params'],
  TSQualifiedName: ['left', 'right'],
};

/** The children of `node` in visitor-key order, with named loads for the types of `SPECIALISED_KEYS`. */
function visitChildren(node: Node, t: number, child: Visit, list: VisitList): void {
  switch (node.type) {
    case 'Identifier':
      list(node.decorators);
      child(node.typeAnnotation);
      return;
    case 'MemberExpression':
      child(node.object);
      child(node.property);
      return;
    case 'CallExpression':
    case 'NewExpression':
      child(node.callee);
      child(node.typeArguments);
      list(node.arguments);
      return;
    case 'Property':
      child(node.key);
      child(node.value);
      return;
    case 'ExpressionStatement':
    case 'ChainExpression':
    case 'TSNonNullExpression':
      child(node.expression);
      return;
    case 'Program':
    case 'BlockStatement':
    case 'ClassBody':
      list(node.body);
      return;
    case 'VariableDeclaration':
      list(node.declarations);
      return;
    case 'VariableDeclarator':
      child(node.id);
      child(node.init);
      return;
    case 'ObjectExpression':
      list(node.properties);
      return;
    case 'ArrayExpression':
      list(node.elements);
      return;
    case 'BinaryExpression':
    case 'LogicalExpression':
    case 'AssignmentExpression':
    case 'TSQualifiedName':
      child(node.left);
      child(node.right);
      return;
    case 'ReturnStatement':
    case 'UnaryExpression':
    case 'AwaitExpression':
    case 'SpreadElement':
    case 'ThrowStatement':
    case 'UpdateExpression':
      child(node.argument);
      return;
    case 'IfStatement':
    case 'ConditionalExpression':
      child(node.test);
      child(node.consequent);
      child(node.alternate);
      return;
    case 'FunctionExpression':
    case 'FunctionDeclaration':
      child(node.id);
      child(node.typeParameters);
      list(node.params);
      child(node.returnType);
      child(node.body);
      return;
    case 'ArrowFunctionExpression':
      child(node.typeParameters);
      list(node.params);
      child(node.returnType);
      child(node.body);
      return;
    case 'TemplateLiteral':
      list(node.quasis);
      list(node.expressions);
      return;
    case 'TSAsExpression':
      child(node.expression);
      child(node.typeAnnotation);
      return;
    case 'TSTypeAnnotation':
      child(node.typeAnnotation);
      return;
    case 'TSTypeReference':
      child(node.typeName);
      child(node.typeArguments);
      return;
    case 'TSTypeParameterInstantiation':
      list(node.params);
      return;
    default:
      visitByKeys(node, t, child, list);
  }
}

/** True when this version of `@typescript-eslint/visitor-keys` gives every type of `SPECIALISED_KEYS` those keys. */
export const SPECIALISED = Object.entries(SPECIALISED_KEYS).every(([type, keys]) => {
  const actual = (visitorKeys as Record<string, readonly string[] | undefined>)[type];
  return actual !== undefined && actual.length === keys.length && actual.every((k, i) => k === keys[i]);
});

/** An identifier with nothing below it: no type annotation, no decorators (nearly every identifier). */
function isBare(node: TSESTree.Identifier): boolean {
  return node.typeAnnotation === undefined && (node.decorators === undefined || node.decorators.length === 0);
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
