import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, unwrap } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';
import { patternNames } from './pattern-names.js';
import { sourceText } from './source-text.js';

/** Methods that always return a new array. */
const ARRAY_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'split']);
const ARRAY_FACTORIES = new Set(['Array', 'Array.from', 'Array.of', 'Object.keys', 'Object.values', 'Object.entries']);

/**
 * `for (const i in arr)` where `arr` is evidently an array: an array literal, `Array.from`/`Array.of`/`new Array`,
 * `Object.keys/values/entries`, the result of `.map/.filter/.flatMap/.flat/.split`, or a variable that every
 * declaration in the file types as an array (`string[]`, `Array<T>`, `readonly T[]`, a tuple, `T[] | undefined`) or initialises with
 * one of those. `arguments` is not reported.
 */
export const forInArray: StaticRule = {
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
    /** Per variable name: true while every declaration seen is an array. */
    const arrays = new Map<string, boolean>();
    const pending: Array<{ node: TSESTree.ForInStatement; name: string }> = [];
    const declare = (name: string, isArray: boolean): void => {
      arrays.set(name, (arrays.get(name) ?? true) && isArray);
    };
    const params = (fn: TSESTree.FunctionLike): void => {
      for (const p of fn.params) {
        const id = p.type === 'TSParameterProperty' ? p.parameter : p;
        if (id.type === 'Identifier') declare(id.name, isArrayType(id.typeAnnotation?.typeAnnotation));
        else for (const n of patternNames(id)) declare(n, false);
      }
    };
    const report = (node: TSESTree.ForInStatement, confidence: number): void => {
      const what = sourceText(ctx.lines, node.right);
      const shown = what.length <= 40 && !what.includes('\n') ? what : 'the array';
      ctx.report({
        // The iterable, not the whole loop: the head is what is wrong, and a change in the body should not surface it.
        node: node.right,
        confidence,
        message: `\`for...in\` over ${shown === 'the array' ? shown : `\`${shown}\``}, which is an array, yields its indices as strings ("0", "1", ...) plus any other enumerable properties, not its elements. Use \`for (const item of ${shown === 'the array' ? 'arr' : shown})\`, or \`.entries()\` / \`.forEach((item, i) => ...)\` if you need the index.`,
      });
    };
    return {
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier') {
          declare(node.id.name, isArrayType(node.id.typeAnnotation?.typeAnnotation) || (node.init !== null && isArrayValue(node.init)));
        } else for (const n of patternNames(node.id)) declare(n, false);
      },
      ImportDeclaration(node) {
        for (const s of node.specifiers) declare(s.local.name, false);
      },
      CatchClause(node) {
        if (node.param) for (const n of patternNames(node.param)) declare(n, false);
      },
      FunctionDeclaration(node) {
        if (node.id) declare(node.id.name, false);
        params(node);
      },
      FunctionExpression: params,
      ArrowFunctionExpression: params,
      ForInStatement(node) {
        const right = unwrap(node.right);
        if (right.type === 'Identifier') pending.push({ node, name: right.name });
        else if (isArrayValue(right)) report(node, 0.95);
      },
      'Program:exit'() {
        for (const { node, name } of pending) if (arrays.get(name) === true) report(node, 0.85);
      },
    };
  },
};

function isArrayValue(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'ArrayExpression') return true;
  if (n.type === 'NewExpression') return calleeName(n.callee) === 'Array';
  if (n.type !== 'CallExpression') return false;
  const name = calleeName(n.callee);
  if (name !== null && ARRAY_FACTORIES.has(name)) return true;
  const callee = n.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && ARRAY_METHODS.has(callee.property.name);
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
