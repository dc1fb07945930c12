import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyKeyName } from './property-key-name.js';

/**
 * The property of an object literal with the given key name (the last one, as at run time), or
 * undefined. Key names are compared case-insensitively when `ignoreCase` is set (HTTP header names).
 */
export function findProperty(object: TSESTree.ObjectExpression, name: string, ignoreCase = false): TSESTree.Property | undefined {
  const wanted = ignoreCase ? name.toLowerCase() : name;
  let found: TSESTree.Property | undefined;
  for (const p of object.properties) {
    if (p.type !== 'Property') continue;
    const key = propertyKeyName(p);
    if (key !== null && (ignoreCase ? key.toLowerCase() : key) === wanted) found = p;
  }
  return found;
}

/** True when the object literal spreads another object in (`{ ...defaults }`): keys may come from it. */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === 'SpreadElement');
}
