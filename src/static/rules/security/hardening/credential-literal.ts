import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../../ast-helpers.js';
import { constantString } from './constant-string.js';
import type { ValueResolver } from './create-value-resolver.js';

/** A credential written into the code. */
export interface CredentialLiteral {
  /** `literal`: always this value; `fallback`: used when the lookup on the left (`process.env.X || 'pw'`) is empty. */
  kind: 'literal' | 'fallback';
  value: string;
  /** The string literal itself (possibly on another line, behind a `const`). */
  literal: TSESTree.Node;
  /** The `const` name it was reached through, if any. */
  via: string | null;
}

/** Template or documentation placeholders rather than credentials: `<password>`, `${DB_PASS}`, `{{secret}}`, `****`. */
const PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]+%|\*+|x{3,}|\.{3,})$/i;

/**
 * The credential a value expression holds when it is fixed in code: a non-empty string (or one behind a
 * `const`), such a string wrapped in `Buffer.from()`, `new TextEncoder().encode()` or `createSecretKey()`,
 * or the default of `lookup || 'literal'` / `lookup ?? 'literal'`. Empty strings, placeholders and
 * anything read at run time give null.
 */
export function credentialLiteral(node: TSESTree.Node, consts: ValueResolver): CredentialLiteral | null {
  const n = unwrap(node);
  const resolved = consts.resolve(n);
  const via = resolved !== n && n.type === 'Identifier' ? n.name : null;
  const value = constantString(resolved, consts);
  if (value !== null) {
    const trimmed = value.trim();
    return trimmed === '' || PLACEHOLDER.test(trimmed) ? null : { kind: 'literal', value, literal: resolved, via };
  }
  if (resolved.type === 'LogicalExpression' && (resolved.operator === '||' || resolved.operator === '??')) {
    if (constantString(resolved.left, consts) !== null) return null;
    const fallback = credentialLiteral(resolved.right, consts);
    return fallback && { ...fallback, kind: 'fallback', via: fallback.via ?? via };
  }
  if (resolved.type === 'CallExpression' || resolved.type === 'NewExpression') {
    const name = calleeName(resolved.callee);
    const method = name === null ? (resolved.callee.type === 'MemberExpression' ? propertyName(resolved.callee) : null) : lastSegment(name);
    const first = resolved.arguments[0];
    if (first && first.type !== 'SpreadElement' && (name === 'Buffer.from' || method === 'encode' || method === 'createSecretKey')) {
      const inner = credentialLiteral(first, consts);
      return inner && { ...inner, via: inner.via ?? via };
    }
  }
  return null;
}

function propertyName(member: TSESTree.MemberExpression): string | null {
  return !member.computed && member.property.type === 'Identifier' ? member.property.name : null;
}
