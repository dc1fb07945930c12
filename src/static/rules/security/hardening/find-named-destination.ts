import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment } from '../../../ast-helpers.js';
import type { ParentOf } from '../../../traverse.js';
import { constantString } from './constant-string.js';
import { enclosingFunction } from './enclosing-function.js';
import type { IdentifierIndex } from './create-identifier-index.js';
import { propertyKeyName } from './property-key-name.js';

/** A name the value of an expression ends up under, and how far it travelled to get there. */
export interface NamedDestination {
  /** The accepted name: a variable, property, function, callee or string label. */
  name: string;
  /** Variable or function hops taken (0: the name is in the same expression or statement). */
  hops: number;
}

/**
 * Follows the value of `start` upwards through expressions derived from it (member access, calls on
 * it or with it as an argument, arithmetic, templates, callbacks of `map`/`from`), and through local
 * variables and function returns (by name, up to `maxHops` times), offering every name it meets to
 * `accept`: variables and properties it is stored in, members assigned, functions that return it,
 * callees it is passed to, string labels passed beside it (`res.cookie('sid', value)`) and values it is
 * compared with for equality (where the comparison ends the climb). Returns the first accepted name, or null.
 */
export function findNamedDestination(
  start: TSESTree.Node,
  accept: (name: string) => boolean,
  index: IdentifierIndex,
  parent: ParentOf,
  maxHops = 3,
): NamedDestination | null {
  const seen = new Set<TSESTree.Node>();
  const queue: Array<{ node: TSESTree.Node; hops: number }> = [{ node: start, hops: 0 }];
  for (let i = 0; i < queue.length && i < 200; i++) {
    const { node, hops } = queue[i]!;
    if (seen.has(node)) continue;
    seen.add(node);
    const found = climb(node, (name) => accept(name), (name, scope, except) => {
      if (hops >= maxHops) return;
      for (const ref of index.referencesTo(name, scope, except)) queue.push({ node: ref, hops: hops + 1 });
    }, parent);
    if (found !== null) return { name: found, hops };
  }
  return null;
}

type Follow = (name: string, scope: TSESTree.Node, except?: TSESTree.Node) => void;

/** Climbs from one expression; returns the first accepted name, queueing variables and functions to follow. */
function climb(start: TSESTree.Node, accept: (name: string) => boolean, follow: Follow, parent: ParentOf): string | null {
  const offer = (name: string | null): string | null => (name !== null && accept(name) ? name : null);
  let n = start;
  for (let guard = 0; guard < 100; guard++) {
    const p = parent(n);
    if (!p) return null;
    switch (p.type) {
      case 'MemberExpression':
        if (p.object !== n && !p.computed) return null;
        break;
      case 'CallExpression':
      case 'NewExpression': {
        if (p.callee !== n) {
          const callee = calleeName(p.callee);
          const hit = offer(callee === null ? null : lastSegment(callee));
          if (hit) return hit;
          const first = p.arguments[0];
          const label = first && first !== n ? constantString(first) : null;
          if (offer(label)) return label;
        }
        break;
      }
      case 'VariableDeclarator': {
        if (p.init !== n || p.id.type !== 'Identifier') return null;
        const hit = offer(p.id.name);
        if (hit) return hit;
        follow(p.id.name, enclosingFunction(p, parent), p.id);
        return null;
      }
      case 'AssignmentExpression': {
        if (p.right !== n) return null;
        if (p.left.type === 'Identifier') {
          const hit = offer(p.left.name);
          if (hit) return hit;
          follow(p.left.name, enclosingFunction(p, parent), p.left);
          return null;
        }
        if (p.left.type === 'MemberExpression') {
          const key = propertyKeyName(p.left);
          const owner = p.left.object.type === 'MemberExpression' ? propertyKeyName(p.left.object) : p.left.object.type === 'Identifier' ? p.left.object.name : null;
          return offer(key) ?? offer(owner !== null && key !== null ? `${owner}_${key}` : null);
        }
        return null;
      }
      case 'AssignmentPattern':
        return p.right === n && p.left.type === 'Identifier' ? offer(p.left.name) : null;
      case 'Property': {
        if (p.value !== n) return null;
        const hit = offer(propertyKeyName(p));
        if (hit) return hit;
        break;
      }
      case 'ReturnStatement': {
        const fn = enclosingFunction(p, parent);
        if (fn.type === 'Program') return null;
        if (fn.type === 'FunctionDeclaration') {
          if (!fn.id) return null;
          const hit = offer(fn.id.name);
          if (!hit) follow(fn.id.name, root(fn, parent), fn.id);
          return hit;
        }
        // A function expression's result goes wherever the function goes: a variable, a property, a callback.
        n = fn;
        continue;
      }
      case 'MethodDefinition':
        return p.value === n ? offer(propertyKeyName(p)) : null;
      case 'ArrowFunctionExpression':
        if (p.body !== n) return null;
        break;
      case 'ConditionalExpression':
        if (p.test === n) return null;
        break;
      case 'BinaryExpression': {
        // Compared with a named value (`digest === user.passwordHash`): that name describes it too.
        if (/^(?:===|!==|==|!=)$/.test(p.operator)) {
          const other = p.left === n ? p.right : p.left;
          const name = other.type === 'PrivateIdentifier' ? null : calleeName(other);
          return offer(name === null ? null : lastSegment(name));
        }
        break;
      }
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'SpreadElement':
      case 'LogicalExpression':
      case 'TemplateLiteral':
      case 'UnaryExpression':
      case 'AwaitExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        break;
      case 'SequenceExpression':
        if (p.expressions[p.expressions.length - 1] !== n) return null;
        break;
      default:
        return null;
    }
    n = p;
  }
  return null;
}

function root(node: TSESTree.Node, parent: ParentOf): TSESTree.Node {
  let n = node;
  for (let p = parent(n); p; p = parent(n)) n = p;
  return n;
}
