import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { moduleBindingOf } from '../performance/module-binding-of.js';
import { findDeclaration } from './find-declaration.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Promise-returning exports of Node's promise modules, per module. `null`: every function export. */
const PROMISE_MODULES: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['fs/promises', null],
  ['timers/promises', new Set(['setTimeout', 'setImmediate'])],
  ['stream/promises', new Set(['pipeline', 'finished'])],
]);
/** fs/promises exports that do not return a promise. */
const FS_PROMISES_NOT_PROMISES = new Set(['watch', 'constants']);
/** fs/promises functions, to pick out `fsp.writeFile(...)`-shaped statements before resolving `fsp`. */
const FS_PROMISE_METHODS = new Set([
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp',
  'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs',
  'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
]);
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const GLOBALS = new Set(['window', 'globalThis', 'self']);

/**
 * A call whose result is evidently a promise, made as a statement of its own inside an async function and so
 * neither awaited, returned, assigned, chained, passed on nor voided. Evident means: a function or method declared
 * `async` in this file (resolved in scope, so a local that shadows it is not mistaken for it), `fetch`,
 * `fs.promises.*` and Node's promise modules (`node:fs/promises`, `timers/promises`, `stream/promises`, imported
 * or required), `new Promise(...)`, `Promise.all` and friends. Only inside async functions, where `await` was at
 * hand: in synchronous callbacks (React effects, event handlers) and at module level (`main();`), fire-and-forget
 * is usually deliberate and `await` is not an option.
 */
export const floatingPromise: StaticRule = {
  // Necessary for any finding: every finding sits in a function declared `async` (keywords cannot be escaped).
  needs: ['async'],
  doc: {
    id: 'floating-promise',
    title: 'Promise neither awaited nor handled',
    severity: 'high',
    category: 'bug',
    help:
      'A promise that nothing awaits runs detached: the code after it does not wait for it, and if it rejects ' +
      'the error is an unhandled rejection (Node 15+ exits the process on one) instead of reaching your ' +
      '`try/catch`. `await` it or `return` it. If fire-and-forget is intended, say so with `void promise` and ' +
      'handle its errors: `void sendEmail(user).catch((err) => log.error({ err }))`.',
  },
  create(ctx) {
    // Statements are picked out by shape and, for those in an async function, names are resolved while the statement
    // is visited: it is on the walk's path then, so its ancestors (where the names are declared) are cheap to reach.
    // Reports wait for the end of the file, so findings keep the order they had when names were resolved there. Most
    // files keep nothing: the list is made on first use.
    let found: Found[] | null = null;
    return {
      ExpressionStatement(node) {
        // Emptied first, so that calls left there by a statement that threw cannot leak into this one.
        DISCARDED.length = 0;
        collectDiscarded(node.expression, DISCARDED);
        if (DISCARDED.length === 0 || !enclosingFunction(node, ctx.parent)?.async) return;
        for (let i = 0; i < DISCARDED.length; i++) {
          const call = DISCARDED[i]!;
          const what = evidentPromise(call, node, ctx.parent);
          if (what !== null) (found ??= []).push({ call, statement: node, what });
        }
      },
      'Program:exit'() {
        if (found === null) return;
        for (const { call, statement, what } of found) {
          const suggestion = unwrap(statement.expression) === call ? withAwait(ctx.lines, call) : undefined;
          ctx.report({
            node: call,
            confidence: 0.85,
            message: `${what}, and nothing awaits it: the code below runs before it settles, and a rejection escapes your error handling as an unhandled rejection (Node 15+ exits on one). \`await\` it or \`return\` it; for deliberate fire-and-forget write \`void ...\` and attach a \`.catch(...)\`.`,
            ...(suggestion === undefined ? {} : { suggestion }),
          });
        }
      },
    };
  },
};

/** A discarded call that is evidently a promise, and why (the start of the message). */
interface Found {
  call: Call;
  statement: TSESTree.ExpressionStatement;
  what: string;
}

/** The discarded calls of the statement being visited: one scratch list for every file, as files are analysed one at a time. */
const DISCARDED: Call[] = [];

/** Pushes the calls a statement throws away (`f();`, `a && f();`, `c ? f() : g();`, `f(), g();`) that could be promises. */
function collectDiscarded(expression: TSESTree.Expression, out: Call[]): void {
  let n = unwrap(expression);
  if (n.type === 'ChainExpression') n = n.expression;
  switch (n.type) {
    case 'CallExpression':
    case 'NewExpression':
      if (mayBePromise(n)) out.push(n);
      break;
    case 'LogicalExpression':
      collectDiscarded(n.right, out);
      break;
    case 'ConditionalExpression':
      collectDiscarded(n.consequent, out);
      collectDiscarded(n.alternate, out);
      break;
    case 'SequenceExpression':
      for (const e of n.expressions) collectDiscarded(e, out);
      break;
    default:
      break;
  }
}

/** The shapes `evidentPromise` can confirm, checked without resolving anything: most call statements fail here. */
function mayBePromise(call: Call): boolean {
  const callee = unwrap(call.callee);
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && callee.name === 'Promise';
  if (callee.type === 'Identifier') return true;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  const object = unwrap(callee.object);
  if (object.type === 'ThisExpression') return true;
  if (object.type === 'Identifier') {
    if (object.name === 'Promise') return COMBINATORS.has(method);
    if (GLOBALS.has(object.name)) return method === 'fetch';
    return FS_PROMISE_METHODS.has(method);
  }
  // fs.promises.writeFile(...)
  return object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && object.property.name === 'promises';
}

/**
 * Why the call's result is a promise, as the start of the message; null when it is not evident. Names are resolved
 * from `statement`, the statement that discards the call: nothing between the two declares a name or is a function.
 */
function evidentPromise(call: Call, statement: TSESTree.ExpressionStatement, parent: ParentOf): string | null {
  const callee = unwrap(call.callee);
  if (call.type === 'NewExpression') return '`new Promise(...)` creates a promise';
  if (callee.type === 'Identifier') return evidentFunction(callee.name, statement, parent);
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  const object = unwrap(callee.object);
  if (object.type === 'ThisExpression') {
    const line = asyncMethodLine(statement, method, parent);
    return line === null ? null : `\`this.${method}()\` is declared \`async\` (line ${line}) and returns a promise`;
  }
  if (object.type === 'Identifier') {
    if (object.name === 'Promise') return `\`Promise.${method}(...)\` returns a promise`;
    if (GLOBALS.has(object.name)) return findDeclaration(object.name, statement, parent) === null ? `\`${object.name}.${method}()\` returns a promise` : null;
    return moduleOf(object.name, statement, 'whole', parent) === 'fs/promises' && !FS_PROMISES_NOT_PROMISES.has(method) ? `\`${object.name}.${method}()\` (fs/promises) returns a promise` : null;
  }
  // X.promises.method(): X must be the fs module.
  if (object.type === 'MemberExpression' && object.object.type === 'Identifier' && moduleOf(object.object.name, statement, 'whole', parent) === 'fs') {
    return FS_PROMISES_NOT_PROMISES.has(method) ? null : `\`${object.object.name}.promises.${method}()\` returns a promise`;
  }
  return null;
}

/** A bare call: a function declared `async` in scope (seen from `from`), a promise-module import, or the global `fetch`. */
function evidentFunction(name: string, from: TSESTree.Node, parent: ParentOf): string | null {
  const d = findDeclaration(name, from, parent);
  if (d === null) return name === 'fetch' ? '`fetch()` returns a promise' : null;
  const fn = d.kind === 'function' ? d.node : d.kind === 'variable' && d.declarator.init ? unwrap(d.declarator.init) : null;
  if (fn && (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression')) {
    return fn.async ? `\`${name}()\` is declared \`async\` (line ${fn.loc.start.line}) and returns a promise` : null;
  }
  const module = moduleOf(name, from, 'named', parent);
  return module === null ? null : `\`${name}()\` from \`node:${module}\` returns a promise`;
}

/**
 * The module `name` is bound to in scope: with `whole`, as the module object (`import fsp from 'fs/promises'`,
 * `const fs = require('fs')`, `import { promises as fsp } from 'fs'`); with `named`, as a promise-returning export
 * of a promise module (`import { writeFile } from 'node:fs/promises'`). Null otherwise.
 */
function moduleOf(name: string, from: TSESTree.Node, as: 'whole' | 'named', parent: ParentOf): string | null {
  const b = moduleBindingOf(name, from, parent);
  if (b === null) return null;
  if (as === 'whole') return b.exported === null ? b.module : null;
  const exports = PROMISE_MODULES.get(b.module);
  if (b.exported === null || exports === undefined) return null;
  return (exports === null ? !FS_PROMISES_NOT_PROMISES.has(b.exported) : exports.has(b.exported)) ? b.module : null;
}

/**
 * For `this.name()` called in `from`: the line of the `async` method or arrow property `name` of the class `this`
 * belongs to, or null. Walks out through arrow functions (they keep `this`) to the method, then reads the class body.
 */
function asyncMethodLine(from: TSESTree.Node, name: string, parent: ParentOf): number | null {
  let n: TSESTree.Node | undefined = from;
  while (n && n.type !== 'ClassBody') {
    if (n.type === 'FunctionDeclaration') return null;
    if (n.type === 'FunctionExpression' && parent(n)?.type !== 'MethodDefinition' && parent(n)?.type !== 'PropertyDefinition') return null;
    n = parent(n);
  }
  if (!n) return null;
  let line: number | null = null;
  for (const member of n.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.computed) continue;
    if (member.key.type !== 'Identifier' || member.key.name !== name) continue;
    const value = member.value ? unwrap(member.value) : null;
    const isAsync = (value?.type === 'FunctionExpression' || value?.type === 'ArrowFunctionExpression') && value.async;
    // A getter, a plain field or a sync method of the same name: not evidently a promise.
    if (!isAsync || (member.type === 'MethodDefinition' && member.kind !== 'method')) return null;
    line ??= value.loc.start.line;
  }
  return line;
}

function enclosingFunction(node: TSESTree.Node, parent: ParentOf): FunctionNode | null {
  for (let n = parent(node); n; n = parent(n)) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
  }
  return null;
}

/** The call's lines with `await ` inserted before it: exact, since the statement discards the value anyway. */
function withAwait(lines: readonly string[], call: Call): string {
  const out = lines.slice(call.loc.start.line - 1, call.loc.end.line);
  const line = out[0] ?? '';
  out[0] = `${line.slice(0, call.loc.start.column)}await ${line.slice(call.loc.start.column)}`;
  return out.join('\n');
}
