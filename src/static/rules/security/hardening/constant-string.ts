import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../../ast-helpers.js';
import type { ValueResolver } from './create-value-resolver.js';

/**
 * The string an expression always evaluates to, or null: string (and number) literals, templates and
 * `+` chains of those, seen through variables assigned once when a resolver is given (then call it from
 * `ctx.atEnd` only).
 */
export function constantString(node: TSESTree.Node, consts?: ValueResolver): string | null {
  const n = consts ? consts.resolve(node) : unwrap(node);
  switch (n.type) {
    case 'Literal':
      if ('regex' in n && n.regex) return null;
      return typeof n.value === 'string' || typeof n.value === 'number' ? String(n.value) : null;
    case 'TemplateLiteral': {
      let out = n.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < n.expressions.length; i++) {
        const part = constantString(n.expressions[i]!, consts);
        if (part === null) return null;
        out += part + (n.quasis[i + 1]?.value.cooked ?? '');
      }
      return out;
    }
    case 'BinaryExpression': {
      if (n.operator !== '+') return null;
      const left = constantString(n.left, consts);
      const right = left === null ? null : constantString(n.right, consts);
      return left === null || right === null ? null : left + right;
    }
    default:
      return null;
  }
}
