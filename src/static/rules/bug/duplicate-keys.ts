import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';

type Kind = 'init' | 'get' | 'set';

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
        if (node.properties.length < 2) return;
        const seen = new Map<string, { kind: Kind; line: number }[]>();
        for (const p of node.properties) {
          if (p.type !== 'Property' || p.computed) continue;
          const key = keyOf(p.key);
          if (key === null) continue;
          const kind: Kind = p.kind;
          const earlier = seen.get(key);
          const clash = earlier?.find((e) => !(e.kind === 'get' && kind === 'set') && !(e.kind === 'set' && kind === 'get'));
          if (clash) {
            ctx.report({
              node: p,
              confidence: 0.95,
              message: `Key \`${key}\` is already defined ${clash.line === p.loc.start.line ? 'earlier on this line' : `on line ${clash.line}`} in this object literal: the earlier value is silently overwritten and never used. Rename whichever key was meant to be different, or delete the dead one.`,
            });
          }
          if (earlier) earlier.push({ kind, line: p.loc.start.line });
          else seen.set(key, [{ kind, line: p.loc.start.line }]);
        }
      },
    };
  },
};

/** The property name a key stands for: `a`, `'a'` and `"a"` are `a`; `1`, `'1'` and `0x1` are `1`. */
function keyOf(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') {
    if (typeof key.value === 'string') return key.value;
    if (typeof key.value === 'number' || typeof key.value === 'bigint') return String(key.value);
  }
  return null;
}
