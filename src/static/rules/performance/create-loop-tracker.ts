import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleVisitor } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { memberRoot } from '../bug/member-root.js';
import { patternNames } from '../bug/pattern-names.js';
import { isIterationCallback } from './is-iteration-callback.js';

export type LoopStatement =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** What a loop (or a function nested in one) does to variables: the values that can change between iterations. */
export interface FrameNames {
  declared: Set<string>;
  assigned: Set<string>;
  /** Roots changed in place other than by `push`: `a.b = 1`, `a.n++`, `a.set(...)`, `Object.assign(a, ...)`. */
  mutated: Set<string>;
  /** Roots `push`ed to, with the number of `push` calls. */
  pushed: Map<string, number>;
}

/** One entry of the tracker's stack. */
export interface Frame {
  node: LoopStatement | FunctionNode;
  /**
   * `loop`: a loop statement; `callback`: a function an iteration method calls once per element (only with
   * `callbacks: true`); `function`: any other function, which ends the loop context of what it contains.
   */
  kind: 'loop' | 'callback' | 'function';
  /** The nearest enclosing function (itself for a function or callback frame); null at module level. */
  fn: FunctionNode | null;
  /** Collected only with `trackNames: true`, once a loop is open; names of inner frames are merged in when they close. */
  names?: FrameNames;
}

export interface LoopTrackerOptions {
  /** Treat callbacks of `forEach`/`map`/`filter`/... as loops. */
  callbacks: boolean;
  /** Collect `Frame.names` (declarations, assignments, mutations) inside loops. */
  trackNames: boolean;
  /** Called as a loop statement's frame opens (before its children are visited). */
  onEnterLoop?: (frame: Frame) => void;
  /** Called as a loop or callback frame closes, after its inner frames' names were merged into it. */
  onLeave?: (frame: Frame) => void;
  /** The rule's own CallExpression handler: the tracker owns that key, records the call, then calls this. */
  onCall?: (node: TSESTree.CallExpression) => void;
}

export interface LoopTracker {
  /**
   * The tracker's handlers, a fresh object per file: the rule adds its own handlers for other node types to it
   * (CallExpression goes through `onCall`, loop entry through `onEnterLoop`).
   */
  visitor: RuleVisitor;
  /** Open frames, outermost first. */
  readonly stack: readonly Frame[];
  /**
   * The innermost loop that evaluates `node` once per iteration, within the current function: null outside
   * loops. The once-evaluated parts (`for...of`'s iterable, `for`'s initialiser) belong to the enclosing loop.
   */
  loopOf(node: TSESTree.Node): Frame | null;
  /** Cheap pre-check: some loop is open (possibly outside the current function). */
  inLoop(): boolean;
}

const MUTATORS = new Set(['pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

/**
 * A stack of open loops and functions, maintained in enter/exit handlers during the one traversal, so rules can
 * ask "is this node repeated by a loop?" and "does the loop change this variable?" without walking subtrees again.
 */
export function createLoopTracker(options: LoopTrackerOptions, parent: ParentOf): LoopTracker {
  const stack: Frame[] = [];
  let openLoops = 0;

  const enclosingFn = (): FunctionNode | null => stack[stack.length - 1]?.fn ?? null;
  const top = (): Frame | undefined => stack[stack.length - 1];
  const namesOf = (frame: Frame): FrameNames =>
    (frame.names ??= { declared: new Set(), assigned: new Set(), mutated: new Set(), pushed: new Map() });
  /** Names are only worth collecting inside a loop. */
  const current = (): FrameNames | null => {
    if (!options.trackNames || openLoops === 0) return null;
    const frame = top();
    return frame ? namesOf(frame) : null;
  };

  const pushLoop = (node: LoopStatement): void => {
    const frame: Frame = { node, kind: 'loop', fn: enclosingFn() };
    stack.push(frame);
    openLoops++;
    if ((node.type === 'ForOfStatement' || node.type === 'ForInStatement') && node.left.type !== 'VariableDeclaration') {
      const names = current();
      if (names) recordTarget(names, node.left);
    }
    options.onEnterLoop?.(frame);
  };
  const pushFunction = (node: FunctionNode): void => {
    if (node.type === 'FunctionDeclaration' && node.id) current()?.declared.add(node.id.name);
    const callback = options.callbacks && isIterationCallback(node, parent);
    stack.push({ node, kind: callback ? 'callback' : 'function', fn: node });
    if (callback) openLoops++;
    const names = current();
    if (names) for (const p of node.params) for (const n of patternNames(p)) names.declared.add(n);
  };
  const pop = (): void => {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.kind !== 'function') {
      openLoops--;
      options.onLeave?.(frame);
    }
    const outer = top();
    if (frame.names && outer && openLoops > 0) mergeNames(namesOf(outer), frame.names);
  };

  const visitor: RuleVisitor = {
    ForStatement: pushLoop,
    ForInStatement: pushLoop,
    ForOfStatement: pushLoop,
    WhileStatement: pushLoop,
    DoWhileStatement: pushLoop,
    'ForStatement:exit': pop,
    'ForInStatement:exit': pop,
    'ForOfStatement:exit': pop,
    'WhileStatement:exit': pop,
    'DoWhileStatement:exit': pop,
    FunctionDeclaration: pushFunction,
    FunctionExpression: pushFunction,
    ArrowFunctionExpression: pushFunction,
    'FunctionDeclaration:exit': pop,
    'FunctionExpression:exit': pop,
    'ArrowFunctionExpression:exit': pop,
  };
  if (options.trackNames) {
    Object.assign(visitor, {
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        const names = current();
        if (names) for (const n of patternNames(node.id)) names.declared.add(n);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const names = current();
        if (names) recordTarget(names, node.left);
      },
      UpdateExpression(node: TSESTree.UpdateExpression) {
        const names = current();
        if (names) recordTarget(names, node.argument);
      },
    } satisfies RuleVisitor);
  }
  const onCall = options.onCall;
  if (options.trackNames) {
    visitor.CallExpression = (node) => {
      const names = current();
      if (names) recordCall(names, node);
      onCall?.(node);
    };
  } else if (onCall) visitor.CallExpression = onCall;

  return {
    visitor,
    stack,
    inLoop: () => openLoops > 0,
    loopOf(node) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i]!;
        if (frame.kind === 'function') return null;
        if (frame.kind === 'callback' || !inOncePart(frame.node as LoopStatement, node)) return frame;
      }
      return null;
    },
  };
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

function mergeNames(into: FrameNames, from: FrameNames): void {
  for (const n of from.declared) into.declared.add(n);
  for (const n of from.assigned) into.assigned.add(n);
  for (const n of from.mutated) into.mutated.add(n);
  for (const [n, count] of from.pushed) into.pushed.set(n, (into.pushed.get(n) ?? 0) + count);
}

/** True when `node` sits in the part of `loop` that runs once: a `for...of`/`for...in` iterable or a `for` initialiser. */
function inOncePart(loop: LoopStatement, node: TSESTree.Node): boolean {
  const once = loop.type === 'ForOfStatement' || loop.type === 'ForInStatement' ? loop.right : loop.type === 'ForStatement' ? loop.init : null;
  return once !== null && node.range[0] >= once.range[0] && node.range[1] <= once.range[1];
}
