import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** Unwraps TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses are already gone in ESTree. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.type === 'TSAsExpression' ||
    n.type === 'TSNonNullExpression' ||
    n.type === 'TSTypeAssertion' ||
    n.type === 'TSSatisfiesExpression'
  ) {
    n = n.expression;
  }
  return n;
}

/** True when the value is fixed at write time: literals, expression-free templates, and `+` of those. */
export function isConstant(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      return !('regex' in n && n.regex);
    case 'TemplateLiteral':
      return n.expressions.every(isConstant);
    case 'BinaryExpression':
      return n.operator === '+' && isConstant(n.left) && isConstant(n.right);
    default:
      return false;
  }
}

/**
 * The dotted name a callee is written as: `eval`, `child_process.exec`, `cp.execSync`, `this.x.y`.
 * Returns null for computed or call-result callees.
 */
export function calleeName(callee: TSESTree.Node): string | null {
  const n = unwrap(callee);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    const object = calleeName(n.object);
    return object === null ? null : `${object}.${n.property.name}`;
  }
  return null;
}

/** The last segment of a dotted callee name (`cp.exec` -> `exec`). */
export function lastSegment(name: string): string {
  const i = name.lastIndexOf('.');
  return i === -1 ? name : name.slice(i + 1);
}

/** True when the function contains an `await` of its own (not in nested functions). */
export function containsOwnAwait(fn: TSESTree.Node): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, root: boolean): void => {
    if (found) return;
    if (!root && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression')) return;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
      found = true;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v === 'object' && 'type' in v) visit(v as TSESTree.Node, false);
      } else if (value && typeof value === 'object' && 'type' in value) {
        visit(value as TSESTree.Node, false);
      }
    }
  };
  visit(fn, true);
  return found;
}
