import { calleeName, lastSegment } from '../../../ast-helpers.js';
import type { ParentOf } from '../../../traverse.js';
import type { FunctionNode } from './enclosing-function.js';
import { propertyKeyName } from './property-key-name.js';

/**
 * The name a function is known by: its own id, the variable, property or method it is assigned to
 * (`const hashPassword = () => ...`, `{ hashPassword() {} }`, `exports.hashPassword = function`). Null
 * for anonymous callbacks.
 */
export function functionName(fn: FunctionNode, parent: ParentOf): string | null {
  if (fn.id) return fn.id.name;
  const p = parent(fn);
  if (!p) return null;
  if (p.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
  if ((p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && p.value === fn) return propertyKeyName(p);
  if (p.type === 'AssignmentExpression' && p.right === fn) {
    const name = calleeName(p.left);
    return name === null ? null : lastSegment(name);
  }
  return null;
}
