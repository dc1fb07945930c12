import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';

type Kind = 'init' | 'get' | 'set';

/** Objects with up to this many properties are checked pair by pair. */
const SMALL = 8;

/**
 * The same key twice in one object literal: `{ id: a, name, id: b }`. Keys are compared by value, so `1`, `'1'`
 * and `0x1` collide. Computed keys and spreads are ignored; one getter plus one setter for a key is a pair, not a
 * duplicate.
 */
export const duplicateKeys: StaticRule = {
  doc: {
    id: 'duplicate-keys',
    title: 'Duplicate key in object literal',
    severity: 'high',
    category: 'bug',
    help:
      'When an object literal names the same key twice, the later value silently replaces the earlier one, so ' +
      'one of the two values never reaches the object: usually a copy-paste slip where another key was meant ' +
      '(`{ firstName: a, firstName: b }`). Rename the key that was meant to be different, or delete the dead one.',
  },
  create(ctx) {
    return {
      ObjectExpression(node) {
        const props = node.properties;
        if (props.length < 2) return;
        // Most objects are small: their keys are compared with the earlier ones directly, without allocating. A big
        // one gets a set of keys, and its earlier properties are searched only on a repeat.
        const seen = props.length > SMALL ? new Set<string>() : null;
        for (let i = 0; i < props.length; i++) {
          const p = props[i]!;
          if (p.type !== 'Property' || p.computed) continue;
          const key = keyOf(p.key);
          if (key === null) continue;
          if (seen !== null && !seen.has(key)) {
            seen.add(key);
            continue;
          }
          const clash = earlierClash(props, i, key, p.kind);
          if (!clash) continue;
          const line = clash.loc.start.line;
          ctx.report({
            node: p,
            confidence: 0.95,
            message: `Key \`${key}\` is already defined ${line === p.loc.start.line ? 'earlier on this line' : `on line ${line}`} in this object literal: the earlier value is silently overwritten and never used. Rename whichever key was meant to be different, or delete the dead one.`,
          });
        }
      },
    };
  },
};

/** The first earlier property with the same key that `kind` clashes with (a getter and a setter pair up). */
function earlierClash(props: readonly TSESTree.ObjectLiteralElement[], before: number, key: string, kind: Kind): TSESTree.Property | undefined {
  for (let j = 0; j < before; j++) {
    const e = props[j]!;
    if (e.type !== 'Property' || e.computed || keyOf(e.key) !== key) continue;
    if ((e.kind === 'get' && kind === 'set') || (e.kind === 'set' && kind === 'get')) continue;
    return e;
  }
  return undefined;
}

/** The property name a key stands for: `a`, `'a'` and `"a"` are `a`; `1`, `'1'` and `0x1` are `1`. */
function keyOf(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') {
    if (typeof key.value === 'string') return key.value;
    if (typeof key.value === 'number' || typeof key.value === 'bigint') return String(key.value);
  }
  return null;
}
