import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * Adds the names a binding pattern declares (`a`, `{ b, c: d }`, `[e, ...f]`, `g = 1`, `private h`) to `out`.
 * Returns `out` for chaining.
 */
export function patternNames(pattern: TSESTree.Node, out: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements) if (e) patternNames(e, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    case 'TSParameterProperty':
      patternNames(pattern.parameter, out);
      break;
    default:
      break;
  }
  return out;
}
