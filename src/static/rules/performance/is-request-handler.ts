import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment } from '../../ast-helpers.js';
import type { ParentOf } from '../../traverse.js';
import { isRouteRegistration } from './is-route-registration.js';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * True for a function that runs per request: an argument of a route registration (`app.get('/', (req, res) => ...)`),
 * the `handler` of `fastify.route({ ... })`, a Next.js API route (`export default function handler(req, res)`) or
 * an App Router route handler (`export async function GET(request)`, `export const POST = async (req) => ...`).
 */
export function isRequestHandler(
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
  parentOf: ParentOf,
): boolean {
  const parent = parentOf(fn);
  if (!parent) return false;
  switch (parent.type) {
    case 'CallExpression':
      return parent.callee !== fn && isRouteRegistration(parent);
    case 'Property': {
      // fastify.route({ method: 'GET', url: '/', handler: async (req, reply) => ... })
      if (parent.value !== fn || parent.computed || parent.key.type !== 'Identifier' || parent.key.name !== 'handler') return false;
      const object = parentOf(parent);
      const call = object === undefined ? undefined : parentOf(object);
      if (call?.type !== 'CallExpression') return false;
      const name = calleeName(call.callee);
      return name !== null && lastSegment(name) === 'route';
    }
    case 'ExportDefaultDeclaration': {
      const first = fn.params[0];
      return first?.type === 'Identifier' && (first.name === 'req' || first.name === 'request');
    }
    case 'ExportNamedDeclaration':
      return fn.type === 'FunctionDeclaration' && fn.id !== null && HTTP_METHODS.has(fn.id.name);
    case 'VariableDeclarator': {
      if (parent.init !== fn || parent.id.type !== 'Identifier' || !HTTP_METHODS.has(parent.id.name)) return false;
      const declaration = parentOf(parent);
      return declaration !== undefined && parentOf(declaration)?.type === 'ExportNamedDeclaration';
    }
    default:
      return false;
  }
}
