import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../../traverse.js';

/** Array methods that call their first argument once per element. */
const ITERATION_METHODS = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

/** True for a function passed as the callback of an iteration method: `items.map((x) => ...)`, `xs.forEach(function (x) {...})`. */
export function isIterationCallback(fn: TSESTree.Node, parentOf: ParentOf): boolean {
  const parent = parentOf(fn);
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return false;
  const callee = parent.callee;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    ITERATION_METHODS.has(callee.property.name)
  );
}
