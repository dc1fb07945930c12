import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleVisitor } from '../../rule.js';
import { traverse, type ParentOf } from '../../traverse.js';
import { memberRoot } from '../bug/member-root.js';
import { patternNames } from '../bug/pattern-names.js';

export type LoopStatement =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** What a loop does to variables, anywhere inside it (nested loops and functions included): what can change between iterations. */
export interface FrameNames {
  declared: Set<string>;
  assigned: Set<string>;
  /** Roots changed in place other than by `push`: `a.b = 1`, `a.n++`, `a.set(...)`, `Object.assign(a, ...)`. */
  mutated: Set<string>;
  /** Roots `push`ed to, with the number of `push` calls. */
  pushed: Map<string, number>;
}

/** One open loop statement. */
export interface Frame {
  node: LoopStatement;
  /** The nearest function around the loop; null at module level. */
  fn: FunctionNode | null;
  /** Filled by `namesOf` on first request. */
  names?: FrameNames;
}

export interface LoopTrackerOptions {
  /** Called as a loop statement's frame opens (before its children are visited). */
  onEnterLoop?: (frame: Frame) => void;
  /** Called as a loop's frame closes. */
  onLeave?: (frame: Frame) => void;
}

export interface LoopTracker {
  /** The tracker's handlers (loop statements only), a fresh object per file: the rule adds its own handlers to it. */
  visitor: RuleVisitor;
  /** Open loops, outermost first: the loop statements around the node being visited. */
  readonly stack: readonly Frame[];
  /**
   * The innermost loop that evaluates `node` once per iteration, within the function `node` is in: null outside
   * loops. The once-evaluated parts (`for...of`'s iterable, `for`'s initialiser) belong to the enclosing loop.
   * `node` is the node being visited, or a part of it with no function or loop in between: then pass the node
   * being visited as `from`, where the walk up starts (the parent of a node off the walk's path costs a search).
   */
  loopOf(node: TSESTree.Node, from?: TSESTree.Node): Frame | null;
  /** How many of the innermost open loops are in the function that `node` (the node being visited) is in. */
  loopsInFunctionOf(node: TSESTree.Node): number;
  /** Cheap pre-check: some loop is open (possibly outside the current function). */
  inLoop(): boolean;
  /** What the loop declares, assigns and mutates, read from its subtree on first request and kept. */
  namesOf(frame: Frame): FrameNames;
}

const MUTATORS = new Set(['pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

/**
 * A stack of open loop statements, kept by enter/exit handlers of the loop statements alone during the one
 * traversal, so rules can ask "is this node repeated by a loop?" and "does the loop change this variable?".
 * Functions end a loop's reach, but they are found by walking up from the few nodes asked about, and a loop's
 * variables are read from its subtree when a rule asks for them: handlers on every function, declaration,
 * assignment and call of every file cost more than those rare walks (measured per rule on the benchmark corpus).
 */
export function createLoopTracker(options: LoopTrackerOptions, parent: ParentOf): LoopTracker {
  const stack: Frame[] = [];
  const { onEnterLoop, onLeave } = options;

  /** The nearest function around `node` (the loop being entered): the open loop it is directly in knows it. */
  const functionAround = (node: TSESTree.Node): FunctionNode | null => {
    const inner = stack.length > 0 ? stack[stack.length - 1]! : null;
    for (let n = parent(node); n !== undefined; n = parent(n)) {
      if (n === inner?.node) return inner.fn;
      if (isFunction(n)) return n;
    }
    return null;
  };

  const push = (node: LoopStatement): void => {
    const frame: Frame = { node, fn: functionAround(node) };
    stack.push(frame);
    onEnterLoop?.(frame);
  };
  const pop = (): void => {
    const frame = stack.pop();
    if (frame) onLeave?.(frame);
  };

  const visitor: RuleVisitor = {
    ForStatement: push,
    ForInStatement: push,
    ForOfStatement: push,
    WhileStatement: push,
    DoWhileStatement: push,
    'ForStatement:exit': pop,
    'ForInStatement:exit': pop,
    'ForOfStatement:exit': pop,
    'WhileStatement:exit': pop,
    'DoWhileStatement:exit': pop,
  };

  return {
    visitor,
    stack,
    inLoop: () => stack.length > 0,
    loopOf(node, from) {
      let i = stack.length - 1;
      // The open loops are ancestors of `node`, met in stack order on the way up; a function met first ends the search.
      for (let n: TSESTree.Node | undefined = from ?? parent(node); n !== undefined && i >= 0; n = parent(n)) {
        const frame = stack[i]!;
        if (n === frame.node) {
          if (!inOncePart(frame.node, node)) return frame;
          i--;
        } else if (isFunction(n)) return null;
      }
      return null;
    },
    loopsInFunctionOf(node) {
      const top = stack.length - 1;
      if (top < 0) return 0;
      const inner = stack[top]!;
      for (let n = parent(node); n !== undefined && n !== inner.node; n = parent(n)) if (isFunction(n)) return 0;
      // Loops with the same nearest function are the consecutive frames below it.
      let count = 1;
      while (count <= top && stack[top - count]!.fn === inner.fn) count++;
      return count;
    },
    namesOf: (frame) => (frame.names ??= namesIn(frame.node)),
  };
}

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/**
 * The names `loop` declares, assigns and mutates: declarations, function names and parameters, assignment and
 * update targets, loop heads that assign, and mutating calls anywhere inside it, nested functions included.
 */
function namesIn(loop: LoopStatement): FrameNames {
  const names: FrameNames = { declared: new Set(), assigned: new Set(), mutated: new Set(), pushed: new Map() };
  const declare = (pattern: TSESTree.Node): void => {
    for (const n of patternNames(pattern)) names.declared.add(n);
  };
  traverse(
    loop,
    (node) => {
      switch (node.type) {
        case 'ForInStatement':
        case 'ForOfStatement':
          if (node.left.type !== 'VariableDeclaration') recordTarget(names, node.left);
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          if (node.type === 'FunctionDeclaration' && node.id) names.declared.add(node.id.name);
          for (const p of node.params) declare(p);
          break;
        case 'VariableDeclarator':
          declare(node.id);
          break;
        case 'AssignmentExpression':
          recordTarget(names, node.left);
          break;
        case 'UpdateExpression':
          recordTarget(names, node.argument);
          break;
        case 'CallExpression':
          recordCall(names, node);
          break;
        default:
          break;
      }
    },
    () => undefined,
  );
  return names;
}

/** Records what an assignment target changes: a variable (assigned) or the object a member chain hangs off (mutated). */
function recordTarget(names: FrameNames, target: TSESTree.Node): void {
  switch (target.type) {
    case 'Identifier':
      names.assigned.add(target.name);
      return;
    case 'MemberExpression': {
      const root = memberRoot(target);
      if (root !== null) names.mutated.add(root);
      return;
    }
    case 'ObjectPattern':
      for (const p of target.properties) recordTarget(names, p.type === 'RestElement' ? p.argument : p.value);
      return;
    case 'ArrayPattern':
      for (const e of target.elements) if (e) recordTarget(names, e);
      return;
    case 'AssignmentPattern':
      recordTarget(names, target.left);
      return;
    case 'RestElement':
      recordTarget(names, target.argument);
      return;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
      recordTarget(names, target.expression);
      return;
    default:
      return;
  }
}

function recordCall(names: FrameNames, node: TSESTree.CallExpression): void {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
  const method = callee.property.name;
  if (method === 'push') {
    const root = memberRoot(callee.object);
    if (root !== null) names.pushed.set(root, (names.pushed.get(root) ?? 0) + 1);
  } else if (MUTATORS.has(method)) {
    const root = memberRoot(callee.object);
    if (root !== null) names.mutated.add(root);
  } else if (method === 'assign' && callee.object.type === 'Identifier' && callee.object.name === 'Object') {
    const target = node.arguments[0];
    const root = target && target.type !== 'SpreadElement' ? memberRoot(target) : null;
    if (root !== null) names.mutated.add(root);
  }
}

/** True when `node` sits in the part of `loop` that runs once: a `for...of`/`for...in` iterable or a `for` initialiser. */
function inOncePart(loop: LoopStatement, node: TSESTree.Node): boolean {
  const once = loop.type === 'ForOfStatement' || loop.type === 'ForInStatement' ? loop.right : loop.type === 'ForStatement' ? loop.init : null;
  return once !== null && node.range[0] >= once.range[0] && node.range[1] <= once.range[1];
}
