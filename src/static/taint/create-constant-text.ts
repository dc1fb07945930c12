import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../ast-helpers.js';
import type { Binding } from './binding.js';

const MAX_DEPTH = 20;

/** What a rule may ask about the text and shape of values, through local single-assignment variables. */
export interface ConstantText {
  /** The constant text `node` starts with ('' when it starts with anything else). */
  prefixOf(node: TSESTree.Node): string;
  /** The whole value when it is a constant string (or number, as text), else null. */
  constantString(node: TSESTree.Node): string | null;
  /**
   * The expression a variable assigned exactly once holds (followed through aliases), else `node`. Values
   * stored into it afterwards (`obj.k = v`) do not count as assignments: the shape is still what it was made as.
   */
  origin(node: TSESTree.Node): TSESTree.Node;
}

/** Builds the constant-text helpers over a binding lookup. */
export function createConstantText(find: (id: TSESTree.Identifier) => Binding | null): ConstantText {
  const soleValue = (n: TSESTree.Node): TSESTree.Node | null => {
    if (n.type !== 'Identifier') return null;
    const b = find(n);
    if (b === null || (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var')) return null;
    // Values stored into it (`obj.k = v`) do not change what it was made as.
    const assigned = b.defs.filter((d) => d.mutation !== true);
    const d = assigned[0];
    return assigned.length === 1 && d !== undefined && d.path.length === 0 ? unwrap(d.expr) : null;
  };

  const constantString = (node: TSESTree.Node, depth = 0): string | null => {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return null;
    switch (n.type) {
      case 'Literal':
        return typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean' ? String(n.value) : null;
      case 'TemplateLiteral': {
        let out = '';
        for (let i = 0; i < n.quasis.length; i++) {
          out += n.quasis[i]!.value.cooked ?? '';
          const e = n.expressions[i];
          if (e === undefined) continue;
          const c = constantString(e, depth + 1);
          if (c === null) return null;
          out += c;
        }
        return out;
      }
      case 'BinaryExpression': {
        if (n.operator !== '+') return null;
        const l = constantString(n.left, depth + 1);
        const rr = l === null ? null : constantString(n.right, depth + 1);
        return l === null || rr === null ? null : l + rr;
      }
      default: {
        const v = soleValue(n);
        return v === null ? null : constantString(v, depth + 1);
      }
    }
  };

  const prefixOf = (node: TSESTree.Node, depth = 0): string => {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return '';
    switch (n.type) {
      case 'Literal':
        return constantString(n) ?? '';
      case 'TemplateLiteral': {
        let out = '';
        for (let i = 0; i < n.quasis.length; i++) {
          out += n.quasis[i]!.value.cooked ?? '';
          const e = n.expressions[i];
          if (e === undefined) continue;
          const c = constantString(e, depth + 1);
          if (c === null) return out + prefixOf(e, depth + 1);
          out += c;
        }
        return out;
      }
      case 'BinaryExpression': {
        if (n.operator !== '+') return '';
        const l = constantString(n.left, depth + 1);
        return l === null ? prefixOf(n.left, depth + 1) : l + prefixOf(n.right, depth + 1);
      }
      default: {
        const v = soleValue(n);
        return v === null ? '' : prefixOf(v, depth + 1);
      }
    }
  };

  const origin = (node: TSESTree.Node): TSESTree.Node => {
    let n = unwrap(node);
    for (let i = 0; i < MAX_DEPTH; i++) {
      const v = soleValue(n);
      if (v === null) break;
      n = v;
    }
    return n;
  };

  return { prefixOf: (n) => prefixOf(n), constantString: (n) => constantString(n), origin };
}
