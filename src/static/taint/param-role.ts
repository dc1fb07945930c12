import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionNode } from './binding.js';
import type { ParentOf } from '../traverse.js';
import type { ParamRole } from './types.js';

/** Methods that register a route handler or middleware: `app.get(path, fn)`, `router.use(fn)`, `fastify.post(...)`. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'any', 'route']);
/** Next.js App Router route handlers are exported functions named by HTTP method. */
const HTTP_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply']);
/** First parameters that say a callback is an HTTP client's (`https.get(url, (res) => ...)`), not a route handler. */
const CLIENT_CALLBACK_PARAMS = new Set(['res', 'response', 'resp', 'err', 'error']);
/** Receivers whose `get`/`post` send requests rather than register routes. */
const HTTP_CLIENTS = /^(?:https?|http2|axios|got|ky|needle|superagent|request|undici|fetch|\w*[cC]lient)$/;
const CONTEXT_NAMES = new Set(['ctx', 'context']);

type HandlerKind = 'route' | 'next-route' | 'next-page' | 'lambda' | 'message';

/**
 * What parameter `index` (named `name`, null for a pattern) of `fn` is. The heuristic, in order:
 * 1. a parameter named `req` or `request` is a request, wherever it is;
 * 2. otherwise the function's use decides:
 *    - passed to `x.get|post|put|patch|delete|all|use|options|head|route(...)` (Express, Koa router, Fastify,
 *      directly or through one wrapper such as `asyncHandler(fn)`; not when `x` is an HTTP client such as
 *      `https`/`axios`/`apiClient`, nor when the callback's first parameter is `res`/`err`, as in
 *      `https.get(url, (res) => ...)`), given as `handler` in an object passed to
 *      such a call (`fastify.route({ handler })`), or shaped `(x, res|response|reply[, next])` or
 *      `(ctx|context, next)`: parameter 0 is the request (a Koa `ctx` counts as one), parameter 1 the response;
 *    - an exported function named `GET`/`POST`/... (Next.js route handler): 0 is the request, 1 the route
 *      context (`params`);
 *    - an exported `handler`, or any function named `handler` whose first parameter is `event` (AWS Lambda):
 *      0 is the Lambda event;
 *    - a default export (a Next.js page): 0 is the page props (`params`, `searchParams`);
 *    - a `message` listener (`addEventListener('message', fn)`, `onmessage = fn`): 0 is the message event.
 * `ctx` alone is not enough: the name is too common outside web handlers (canvas, rule contexts).
 */
export function paramRole(fn: FunctionNode, index: number, name: string | null, parent: ParentOf): ParamRole | null {
  if (name === 'req' || name === 'request') return 'request';
  switch (handlerKind(fn, parent)) {
    case 'route':
      if (index === 0) return 'request';
      return index === 1 && name !== 'next' ? 'response' : null;
    case 'next-route':
      return index === 0 ? 'request' : index === 1 ? 'route-context' : null;
    case 'next-page':
      return index === 0 ? 'route-context' : null;
    case 'lambda':
      return index === 0 ? 'lambda-event' : null;
    case 'message':
      return index === 0 ? 'message-event' : null;
    default:
      return null;
  }
}

function handlerKind(fn: FunctionNode, parentOf: ParentOf): HandlerKind | null {
  const parent = parentOf(fn);
  if (parent === undefined) return null;
  if (parent.type === 'CallExpression' && parent.callee !== fn) {
    const kind = callKind(parent);
    if (kind === 'route' && CLIENT_CALLBACK_PARAMS.has(paramName(fn, 0) ?? '')) return null;
    if (kind !== null) return kind;
    // One wrapper deep: app.get('/x', asyncHandler(async (req, res) => ...)).
    const outer = parentOf(parent);
    if (outer?.type === 'CallExpression' && outer.callee !== parent && callKind(outer) === 'route') return 'route';
  }
  if (parent.type === 'Property' && keyName(parent.key) === 'handler') {
    const object = parentOf(parent);
    const call = object === undefined ? undefined : parentOf(object);
    if (call?.type === 'CallExpression' && callKind(call) === 'route') return 'route';
  }
  // A wrapped export (`export const handler = middy(async (event) => ...)`) is judged by the wrapper's position.
  const target = parent.type === 'CallExpression' && parent.callee !== fn ? parent : fn;
  const { name, exported, isDefault } = exportOf(target, parentOf);
  if (exported && name !== null && HTTP_EXPORTS.has(name)) return 'next-route';
  if (name === 'handler' && (exported || paramName(fn, 0) === 'event')) return 'lambda';
  if (isDefault) return 'next-page';
  if (parent.type === 'AssignmentExpression' && parent.right === fn && assignedName(parent.left) === 'onmessage') return 'message';
  const second = paramName(fn, 1);
  if (second !== null && RESPONSE_NAMES.has(second) && fn.params.length <= 3) return 'route';
  if (second === 'next' && CONTEXT_NAMES.has(paramName(fn, 0) ?? '')) return 'route';
  return null;
}

/** How a call uses the functions passed to it. */
function callKind(call: TSESTree.CallExpression): HandlerKind | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  if (ROUTE_METHODS.has(method)) return callee.object.type === 'Identifier' && HTTP_CLIENTS.test(callee.object.name) ? null : 'route';
  if (method === 'addEventListener') {
    const first = call.arguments[0];
    if (first?.type === 'Literal' && first.value === 'message') return 'message';
  }
  return null;
}

/** The exported name of a function (or of the wrapper call around it), if any. */
function exportOf(node: TSESTree.Node, parentOf: ParentOf): { name: string | null; exported: boolean; isDefault: boolean } {
  const parent = parentOf(node);
  if (parent === undefined) return { name: null, exported: false, isDefault: false };
  if (node.type === 'FunctionDeclaration') {
    return {
      name: node.id?.name ?? null,
      exported: parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration',
      isDefault: parent.type === 'ExportDefaultDeclaration',
    };
  }
  if (parent.type === 'ExportDefaultDeclaration') return { name: null, exported: true, isDefault: true };
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    const declaration = parentOf(parent);
    const exported = declaration !== undefined && parentOf(declaration)?.type === 'ExportNamedDeclaration';
    return { name: parent.id.name, exported, isDefault: false };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression') {
    // exports.handler = ..., module.exports.handler = ..., module.exports = ...
    const left = parent.left;
    const object = left.object;
    const isExports =
      (object.type === 'Identifier' && object.name === 'exports') ||
      (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module' && keyName(object.property) === 'exports');
    if (isExports) return { name: keyName(left.property), exported: true, isDefault: false };
    if (object.type === 'Identifier' && object.name === 'module' && keyName(left.property) === 'exports') return { name: null, exported: true, isDefault: false };
  }
  return { name: null, exported: false, isDefault: false };
}

function paramName(fn: FunctionNode, index: number): string | null {
  const p = fn.params[index];
  if (p === undefined) return null;
  if (p.type === 'Identifier') return p.name;
  if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') return p.left.name;
  return null;
}

function assignedName(left: TSESTree.Node): string | null {
  if (left.type === 'Identifier') return left.name;
  if (left.type === 'MemberExpression' && !left.computed) return keyName(left.property);
  return null;
}

function keyName(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return null;
}
