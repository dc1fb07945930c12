import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, unwrap } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';
import { readModuleBindings } from '../performance/read-module-bindings.js';
import { patternNames } from './pattern-names.js';

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
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * A call whose result is evidently a promise, made as a statement of its own inside an async function and so
 * neither awaited, returned, assigned, chained, passed on nor voided. Evident means: a function or method declared
 * `async` in this file, `fetch`, `fs.promises.*` and Node's promise modules, `new Promise(...)`, `Promise.all` and
 * friends. Only inside async functions, where `await` was at hand: in synchronous callbacks (React effects, event
 * handlers) and at module level (`main();`), fire-and-forget is usually deliberate and `await` is not an option.
 */
export const floatingPromise: StaticRule = {
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
    const asyncFlags: boolean[] = [];
    const asyncFunctions = new Map<string, number>(); // name -> line declared
    const otherNames = new Set<string>();
    const asyncMethods = new Map<string, number>();
    const otherMethods = new Set<string>();
    const promiseReceivers = new Set<string>(['fsPromises']);
    const fsModules = new Set<string>(['fs']);
    const promiseFunctions = new Map<string, string>(); // local name -> module
    /** Names bound to fs or a promise module: every other declaration of a name shadows what this rule knows of it. */
    const moduleNames = new Set<string>();
    const candidates: Array<{ call: Call; statement: TSESTree.ExpressionStatement }> = [];

    const bind = (node: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator): boolean => {
      let bound = false;
      for (const b of readModuleBindings(node)) {
        bound = true;
        const receivers = b.module === 'fs' ? fsModules : b.module === 'fs/promises' ? promiseReceivers : null;
        if (receivers) {
          for (const w of b.whole) {
            receivers.add(w);
            moduleNames.add(w);
          }
        }
        const exports = PROMISE_MODULES.get(b.module);
        if (exports === undefined) continue;
        for (const [local, exported] of b.named) {
          if (exports === null ? !FS_PROMISES_NOT_PROMISES.has(exported) : exports.has(exported)) {
            promiseFunctions.set(local, b.module);
            moduleNames.add(local);
          }
        }
      }
      return bound;
    };
    const enter = (fn: FunctionNode): void => {
      asyncFlags.push(fn.async);
      if (fn.type === 'FunctionDeclaration' && fn.id) declare(fn.id.name, fn);
      for (const p of fn.params) for (const n of patternNames(p)) otherNames.add(n);
    };
    const leave = (): void => {
      asyncFlags.pop();
    };
    const declare = (name: string, value: TSESTree.Node | null | undefined): void => {
      const fn = value ? unwrap(value) : null;
      if (fn && (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') && fn.async) {
        asyncFunctions.set(name, fn.loc.start.line);
      } else otherNames.add(name);
    };
    const method = (key: TSESTree.Node, computed: boolean, value: TSESTree.Node | null): void => {
      if (computed || key.type !== 'Identifier') return;
      const fn = value ? unwrap(value) : null;
      if (fn && (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') && fn.async) asyncMethods.set(key.name, fn.loc.start.line);
      else otherMethods.add(key.name);
    };

    return {
      ImportDeclaration(node) {
        bind(node);
        for (const s of node.specifiers) if (!moduleNames.has(s.local.name)) otherNames.add(s.local.name);
      },
      VariableDeclarator(node) {
        if (node.init && bind(node)) {
          for (const n of patternNames(node.id)) if (!moduleNames.has(n)) otherNames.add(n);
          return;
        }
        if (node.id.type === 'Identifier') declare(node.id.name, node.init);
        else for (const n of patternNames(node.id)) otherNames.add(n);
      },
      CatchClause(node) {
        if (node.param) for (const n of patternNames(node.param)) otherNames.add(n);
      },
      MethodDefinition(node) {
        method(node.key, node.computed, node.kind === 'method' ? node.value : null);
      },
      PropertyDefinition(node) {
        method(node.key, node.computed, node.value);
      },
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': leave,
      'FunctionExpression:exit': leave,
      'ArrowFunctionExpression:exit': leave,
      ExpressionStatement(node) {
        if (!asyncFlags[asyncFlags.length - 1]) return;
        for (const call of discardedCalls(node.expression)) candidates.push({ call, statement: node });
      },
      'Program:exit'() {
        for (const { call, statement } of candidates) {
          const what = evidentPromise(call);
          if (what === null) continue;
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

    /** Why the call's result is a promise, as the start of the message; null when it is not evident. */
    function evidentPromise(call: Call): string | null {
      const callee = unwrap(call.callee);
      if (call.type === 'NewExpression') return callee.type === 'Identifier' && callee.name === 'Promise' ? '`new Promise(...)` creates a promise' : null;
      if (callee.type === 'Identifier') {
        const name = callee.name;
        if (otherNames.has(name)) return null;
        const line = asyncFunctions.get(name);
        if (line !== undefined) return `\`${name}()\` is declared \`async\` (line ${line}) and returns a promise`;
        const module = promiseFunctions.get(name);
        if (module !== undefined) return `\`${name}()\` from \`node:${module}\` returns a promise`;
        if (name === 'fetch') return '`fetch()` returns a promise';
        return null;
      }
      const name = calleeName(callee);
      if (name === null) return null;
      const parts = name.split('.');
      const last = parts[parts.length - 1]!;
      if (otherNames.has(parts[0]!)) return null;
      if (parts.length === 2 && ['window', 'globalThis', 'self'].includes(parts[0]!) && last === 'fetch') return `\`${name}()\` returns a promise`;
      if (parts.length === 2 && parts[0] === 'this') {
        const line = asyncMethods.get(last);
        return line !== undefined && !otherMethods.has(last) ? `\`${name}()\` is declared \`async\` (line ${line}) and returns a promise` : null;
      }
      if (parts.length === 2 && parts[0] === 'Promise' && COMBINATORS.has(last)) return `\`${name}(...)\` returns a promise`;
      if (parts.length === 2 && promiseReceivers.has(parts[0]!) && !FS_PROMISES_NOT_PROMISES.has(last)) return `\`${name}()\` (fs/promises) returns a promise`;
      if (parts.length === 3 && fsModules.has(parts[0]!) && parts[1] === 'promises' && !FS_PROMISES_NOT_PROMISES.has(last)) return `\`${name}()\` returns a promise`;
      return null;
    }
  },
};

/** Calls whose value a statement throws away: `f();`, `a && f();`, `c ? f() : g();`, `f(), g();`. */
function discardedCalls(expression: TSESTree.Expression, out: Call[] = []): Call[] {
  let n = unwrap(expression);
  if (n.type === 'ChainExpression') n = n.expression;
  switch (n.type) {
    case 'CallExpression':
    case 'NewExpression':
      out.push(n);
      break;
    case 'LogicalExpression':
      discardedCalls(n.right, out);
      break;
    case 'ConditionalExpression':
      discardedCalls(n.consequent, out);
      discardedCalls(n.alternate, out);
      break;
    case 'SequenceExpression':
      for (const e of n.expressions) discardedCalls(e, out);
      break;
    default:
      break;
  }
  return out;
}

/** The call's lines with `await ` inserted before it: exact, since the statement discards the value anyway. */
function withAwait(lines: readonly string[], call: Call): string {
  const out = lines.slice(call.loc.start.line - 1, call.loc.end.line);
  const line = out[0] ?? '';
  out[0] = `${line.slice(0, call.loc.start.column)}await ${line.slice(call.loc.start.column)}`;
  return out.join('\n');
}
