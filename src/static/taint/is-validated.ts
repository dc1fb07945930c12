import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode } from './binding.js';
import type { SinkKind } from './types.js';

/** Calls that read or reshape a value without judging it: `if (!x.trim()) return` is a presence check. */
const NOT_CHECKS = /^(?:trim\w*|to\w*Case|toString|String|Boolean|exists|existsSync|get|stat|statSync|lstat|lstatSync|log|warn|error|info|debug)$/;
/** How many nodes of a value or test are looked at: guards and sink arguments are short. */
const MAX_NODES = 200;

/**
 * True when the value reaching a sink was validated on the way there (the taint tracker is flow-insensitive,
 * so it cannot see this itself): the sink follows an `if` that checks one of the value's variables and leaves
 * (`if (!/^\d+$/.test(id)) return ...`, `if (!full.startsWith(ROOT)) throw ...`, `if (key === '__proto__') continue`),
 * or sits in the branch of an `if`, `?:` or `&&` whose condition checks it (`if (ALLOWED.has(cmd)) exec(cmd)`).
 * A check is a call given the variable (or called on it), a comparison with a string literal, `in`, or, for
 * NoSQL sinks only, a `typeof` test. Presence and length tests (`if (!x)`, `x.length > 9`) are not checks.
 * The variables are those written in `value` and, one step back, in what they were assigned (`origin`).
 */
export function isValidated(sinkNode: TSESTree.Node, value: TSESTree.Node, sink: SinkKind, origin: (n: TSESTree.Node) => TSESTree.Node): boolean {
  const names = new Set<string>();
  for (const id of identifiersIn(value)) {
    names.add(id.name);
    const o = origin(id);
    if (o !== id) for (const inner of identifiersIn(o)) names.add(inner.name);
  }
  if (names.size === 0) return false;
  let child: TSESTree.Node = sinkNode;
  for (let n = sinkNode.parent; n !== undefined; child = n, n = n.parent) {
    switch (n.type) {
      case 'IfStatement':
        if ((n.consequent === child || n.alternate === child) && checks(n.test, names, sink)) return true;
        break;
      case 'ConditionalExpression':
        if ((n.consequent === child || n.alternate === child) && checks(n.test, names, sink)) return true;
        break;
      case 'LogicalExpression':
        if (n.right === child && checks(n.left, names, sink)) return true;
        break;
      case 'BlockStatement':
      case 'Program':
      case 'SwitchCase':
        for (const stmt of n.type === 'SwitchCase' ? n.consequent : n.body) {
          if (stmt === child) break;
          if (stmt.type === 'IfStatement' && exits(stmt.consequent) && checks(stmt.test, names, sink)) return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

function checks(test: TSESTree.Node, names: ReadonlySet<string>, sink: SinkKind): boolean {
  let found = false;
  let budget = MAX_NODES;
  const visit = (n: TSESTree.Node): void => {
    if (found || budget-- <= 0 || isFunctionNode(n)) return;
    if (n.type === 'CallExpression' && isCheckCall(n) && mentions(n, names)) {
      found = true;
      return;
    }
    if (n.type === 'BinaryExpression') {
      const { left, right, operator } = n;
      if (operator === 'in' && mentions(left, names)) found = true;
      if (operator === '===' || operator === '!==' || operator === '==' || operator === '!=') {
        if ((isStringLiteral(right) && isPlainUse(left, names)) || (isStringLiteral(left) && isPlainUse(right, names))) found = true;
        if (sink === 'nosql' && (isTypeofOf(left, names) || isTypeofOf(right, names))) found = true;
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

/** `x` or `x.y` for a name of interest (not a call result). */
function isPlainUse(n: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let cur = n;
  while (cur.type === 'MemberExpression') cur = cur.object;
  return cur.type === 'Identifier' && names.has(cur.name);
}

function isTypeofOf(n: TSESTree.Node, names: ReadonlySet<string>): boolean {
  return n.type === 'UnaryExpression' && n.operator === 'typeof' && isPlainUse(n.argument, names);
}

function mentions(n: TSESTree.Node, names: ReadonlySet<string>): boolean {
  return identifiersIn(n).some((id) => names.has(id.name));
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

/** The identifiers read in `node` (not property names, not inside nested functions), up to a small budget. */
function identifiersIn(node: TSESTree.Node): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  let budget = MAX_NODES;
  const visit = (n: TSESTree.Node): void => {
    if (budget-- <= 0 || isFunctionNode(n)) return;
    if (n.type === 'Identifier') {
      out.push(n);
      return;
    }
    if (n.type === 'MemberExpression') {
      visit(n.object);
      if (n.computed) visit(n.property);
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
