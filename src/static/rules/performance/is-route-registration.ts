import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment } from '../../ast-helpers.js';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'addHook']);
/** Receivers conventionally named for an app or router: `app`, `router`, `fastify`, `apiRouter`, `this.app`. */
const ROUTERS = /^(?:app|router|server|fastify|api|route|routes|hono|koa)$|(?:App|Router|Routes|Server)$/;

/**
 * True for a route or middleware registration: `app.get('/x', ...)`, `router.post(...)`, `fastify.addHook(...)`,
 * `app.use(...)`, `app.route('/x').get(...)`. Recognised by method and receiver name, since types are not available.
 */
export function isRouteRegistration(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  if (!ROUTE_METHODS.has(callee.property.name)) return false;
  const receiver = callee.object;
  if (receiver.type === 'CallExpression') {
    const inner = calleeName(receiver.callee);
    return inner !== null && lastSegment(inner) === 'route';
  }
  const name = calleeName(receiver);
  return name !== null && ROUTERS.test(lastSegment(name));
}
