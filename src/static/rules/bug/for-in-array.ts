import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { findDeclaration, type Declaration } from './find-declaration.js';
import { sourceText } from './source-text.js';

/** Methods that always return a new array. */
const ARRAY_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'split']);
const ARRAY_FACTORIES = new Set(['Array.from', 'Array.of', 'Object.keys', 'Object.values', 'Object.entries']);

/**
 * `for (const i in arr)` where `arr` is evidently an array: an array literal, `Array.from`/`Array.of`/`new Array`,
 * `Object.keys/values/entries`, the result of `.map/.filter/.flatMap/.flat/.split`, or a variable or parameter
 * whose declaration in scope types it as an array (`string[]`, `Array<T>`, `readonly T[]`, a tuple,
 * `T[] | undefined`) or initialises it with one of those. `arguments` is not reported.
 */
export const forInArray: StaticRule = {
  // Necessary for any finding: every finding is the head of a `for...in` (keywords cannot be escaped).
  needs: ['for'],
  doc: {
    id: 'for-in-array',
    title: '`for...in` over an array',
    severity: 'medium',
    category: 'bug',
    help:
      '`for...in` iterates property *names*: over an array it yields the indices as strings (`"0"`, `"1"`, so ' +
      '`i + 1` is `"01"`), includes any extra enumerable properties, and is not guaranteed to be in order. Use ' +
      '`for (const item of arr)` for the elements, `for (const [i, item] of arr.entries())` when the index is ' +
      'needed, or `arr.forEach((item, i) => ...)`.',
  },
  create(ctx) {
    // Made on the first `for...in` over a variable: most files have none.
    let pending: TSESTree.ForInStatement[] | null = null;
    return {
      ForInStatement(node) {
        const right = unwrap(node.right);
        if (right.type === 'Identifier') (pending ??= []).push(node);
        else if (isArrayValue(right)) report(ctx, node, 0.95);
      },
      // Variables are resolved once the whole file is read: a module-level `const ROWS = []` may come after its use.
      'Program:exit'() {
        if (pending === null) return;
        for (const node of pending) {
          const right = unwrap(node.right);
          if (right.type === 'Identifier' && isArrayDeclaration(findDeclaration(right.name, node, ctx.parent))) report(ctx, node, 0.85);
        }
      },
    };
  },
};

function report(ctx: RuleContext, node: TSESTree.ForInStatement, confidence: number): void {
  const what = sourceText(ctx.lines, node.right);
  const shown = what.length <= 40 && !what.includes('\n') ? what : 'the array';
  ctx.report({
    // The iterable, not the whole loop: the head is what is wrong, and a change in the body should not surface it.
    node: node.right,
    confidence,
    message: `\`for...in\` over ${shown === 'the array' ? shown : `\`${shown}\``}, which is an array, yields its indices as strings ("0", "1", ...) plus any other enumerable properties, not its elements. Use \`for (const item of ${shown === 'the array' ? 'arr' : shown})\`, or \`.entries()\` / \`.forEach((item, i) => ...)\` if you need the index.`,
  });
}

function isArrayDeclaration(d: Declaration | null): boolean {
  if (d?.kind === 'param') return isArrayType(d.id.typeAnnotation?.typeAnnotation);
  if (d?.kind !== 'variable') return false;
  return isArrayType(d.id.typeAnnotation?.typeAnnotation) || (d.declarator.init !== null && isArrayValue(d.declarator.init));
}

function isArrayValue(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'ArrayExpression') return true;
  if (n.type === 'NewExpression') return n.callee.type === 'Identifier' && n.callee.name === 'Array';
  if (n.type !== 'CallExpression') return false;
  const callee = n.callee;
  if (callee.type === 'Identifier') return callee.name === 'Array';
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  // Shape checks only: no callee-name strings are built.
  const object = callee.object;
  if (object.type === 'Identifier' && (object.name === 'Array' || object.name === 'Object')) return ARRAY_FACTORIES.has(`${object.name}.${method}`);
  return ARRAY_METHODS.has(method);
}

function isArrayType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  switch (type.type) {
    case 'TSArrayType':
    case 'TSTupleType':
      return true;
    case 'TSTypeOperator':
      return type.operator === 'readonly' && isArrayType(type.typeAnnotation);
    case 'TSUnionType':
      // `string[] | undefined`: an array whenever the loop runs at all.
      return type.types.some(isArrayType) && type.types.every((t) => isArrayType(t) || t.type === 'TSUndefinedKeyword' || t.type === 'TSNullKeyword');
    case 'TSTypeReference':
      return type.typeName.type === 'Identifier' && (type.typeName.name === 'Array' || type.typeName.name === 'ReadonlyArray');
    default:
      return false;
  }
}
