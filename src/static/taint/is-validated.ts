import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode } from './binding.js';
import type { ParentOf } from '../traverse.js';
import type { SinkKind, TaintQuery } from './types.js';

/** Calls that read or reshape a value without judging it: `if (!x.trim()) return` is a presence check. */
const NOT_CHECKS = /^(?:trim\w*|to\w*Case|toString|String|Boolean|exists|existsSync|get|stat|statSync|lstat|lstatSync|log|warn|error|info|debug)$/;
/** How many nodes of a value or test are looked at: guards and sink arguments are short. */
const MAX_NODES = 200;

/** A variable or property path read in an expression: `id`, `req.query.q`, `body.user.name`. */
interface Ref {
  path: string;
  root: TSESTree.Identifier;
}

/**
 * True when the value reaching a sink was validated on the way there (the taint tracker is flow-insensitive,
 * so it cannot see this itself): the sink follows an `if` that checks what the value is made of and leaves
 * (`if (!/^\d+$/.test(id)) return ...`, `if (!full.startsWith(ROOT)) throw ...`, `if (key === '__proto__') continue`),
 * or sits in the branch of an `if`, `?:` or `&&` whose condition checks it (`if (ALLOWED.has(cmd)) exec(cmd)`).
 * A check is a call given the variable or property (or called on it), a comparison with a string literal,
 * `in`, or, for NoSQL sinks only, a `typeof` test. Presence and length tests (`if (!x)`, `x.length > 9`) are
 * not checks. What the value is made of: the variables and property paths written in it and, one step back,
 * in what they were assigned (`origin`), leaving out constants. A check of a whole object counts for its
 * properties (`schema.parse(req.body)` checks `req.body.name`), except a bare handler parameter: checking
 * `req` (an auth test) says nothing about `req.query.q`.
 */
export function isValidated(sinkNode: TSESTree.Node, value: TSESTree.Node, sink: SinkKind, taint: TaintQuery, parent: ParentOf): boolean {
  const refs: Ref[] = [];
  for (const ref of refsIn(value)) {
    refs.push(ref);
    const o = taint.origin(ref.root);
    if (o !== ref.root && ref.path === ref.root.name) refs.push(...refsIn(o));
  }
  const paths = new Set(refs.filter((r) => taint.of(r.root, sink).kind !== 'constant').map((r) => r.path));
  if (paths.size === 0) return false;
  const covers = (ref: Ref): boolean => {
    if (paths.has(ref.path)) return true;
    if (ref.path === ref.root.name && taint.roleOf(ref.root) !== null) return false;
    for (const p of paths) if (p.startsWith(`${ref.path}.`)) return true;
    return false;
  };
  let child: TSESTree.Node = sinkNode;
  for (let n = parent(sinkNode); n !== undefined; child = n, n = parent(n)) {
    switch (n.type) {
      case 'IfStatement':
        if ((n.consequent === child || n.alternate === child) && checks(n.test, covers, sink)) return true;
        break;
      case 'ConditionalExpression':
        if ((n.consequent === child || n.alternate === child) && checks(n.test, covers, sink)) return true;
        break;
      case 'LogicalExpression':
        if (n.right === child && checks(n.left, covers, sink)) return true;
        break;
      case 'BlockStatement':
      case 'Program':
      case 'SwitchCase':
        for (const stmt of n.type === 'SwitchCase' ? n.consequent : n.body) {
          if (stmt === child) break;
          if (stmt.type === 'IfStatement' && exits(stmt.consequent) && checks(stmt.test, covers, sink)) return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

function checks(test: TSESTree.Node, covers: (ref: Ref) => boolean, sink: SinkKind): boolean {
  let found = false;
  let budget = MAX_NODES;
  const visit = (n: TSESTree.Node): void => {
    if (found || budget-- <= 0 || isFunctionNode(n)) return;
    if (n.type === 'CallExpression' && isCheckCall(n) && refsIn(n).some(covers)) {
      found = true;
      return;
    }
    if (n.type === 'BinaryExpression') {
      const { left, right, operator } = n;
      if (operator === 'in' && refsIn(left).some(covers)) found = true;
      if (operator === '===' || operator === '!==' || operator === '==' || operator === '!=') {
        if ((isStringLiteral(right) && isPlainUse(left, covers)) || (isStringLiteral(left) && isPlainUse(right, covers))) found = true;
        if (sink === 'nosql' && (isTypeofOf(left, covers) || isTypeofOf(right, covers))) found = true;
      }
      if (found) return;
    }
    forEachChild(n, visit);
  };
  visit(test);
  return found;
}

function isCheckCall(call: TSESTree.CallExpression): boolean {
  const c = call.callee;
  const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' ? c.property.name : null;
  return name === null || !NOT_CHECKS.test(name);
}

function isStringLiteral(n: TSESTree.Node): boolean {
  return n.type === 'Literal' && typeof n.value === 'string';
}

/** `x` or `x.y` (not a call result) for a path of interest. */
function isPlainUse(n: TSESTree.Node, covers: (ref: Ref) => boolean): boolean {
  const ref = pathOf(n);
  return ref !== null && covers(ref);
}

function isTypeofOf(n: TSESTree.Node, covers: (ref: Ref) => boolean): boolean {
  return n.type === 'UnaryExpression' && n.operator === 'typeof' && isPlainUse(n.argument, covers);
}

/** True when a statement always leaves the enclosing block: return, throw, continue, break (or a block ending so). */
function exits(stmt: TSESTree.Statement): boolean {
  switch (stmt.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'BlockStatement': {
      const last = stmt.body[stmt.body.length - 1];
      return last !== undefined && exits(last);
    }
    default:
      return false;
  }
}

/** `a.b.c` for an identifier or a chain of plain property reads, else null. */
function pathOf(node: TSESTree.Node): Ref | null {
  const names: string[] = [];
  let n = node;
  while (n.type === 'MemberExpression') {
    if (n.computed && !(n.property.type === 'Literal' && typeof n.property.value === 'string')) names.length = 0;
    else names.push(n.computed ? String((n.property as TSESTree.Literal).value) : (n.property as TSESTree.Identifier).name);
    n = n.object;
  }
  if (n.type !== 'Identifier') return null;
  return { path: [n.name, ...names.reverse()].join('.'), root: n };
}

/**
 * The variables and property paths read in `node` (not inside nested functions, not the names of called
 * functions: in `isValid(x)` and `x.startsWith(y)` the references are `x` and `y`), up to a small budget.
 */
function refsIn(node: TSESTree.Node): Ref[] {
  const out: Ref[] = [];
  let budget = MAX_NODES;
  const visit = (n: TSESTree.Node): void => {
    if (budget-- <= 0 || isFunctionNode(n)) return;
    if (n.type === 'Identifier' || n.type === 'MemberExpression') {
      const ref = pathOf(n);
      if (ref !== null) out.push(ref);
      if (n.type === 'MemberExpression') {
        // Computed keys are reads of their own: `obj[key]` reads `key`.
        for (let m: TSESTree.Node = n; m.type === 'MemberExpression'; m = m.object) if (m.computed) visit(m.property);
        if (ref === null) visit(n.object);
      }
      return;
    }
    if (n.type === 'CallExpression') {
      if (n.callee.type === 'MemberExpression') visit(n.callee.object);
      for (const a of n.arguments) visit(a);
      return;
    }
    if (n.type === 'Property') {
      if (n.computed) visit(n.key);
      visit(n.value);
      return;
    }
    forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function forEachChild(n: TSESTree.Node, fn: (child: TSESTree.Node) => void): void {
  for (const key of Object.keys(n)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const v = (n as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c !== null && typeof c === 'object' && 'type' in c) fn(c as TSESTree.Node);
    } else if (v !== null && typeof v === 'object' && 'type' in v) {
      fn(v as TSESTree.Node);
    }
  }
}
