import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../../ast-helpers.js';
import type { TaintQuery } from '../../../taint/types.js';

/** Sees through local variables to the expression they hold: `const SECRET = 'x'; sign(p, SECRET)`. */
export interface ValueResolver {
  /**
   * The expression behind `node`: for a variable assigned exactly once, what it holds (through aliases
   * and up to four names), unwrapped; otherwise `node`, unwrapped. Call it from `ctx.atEnd` only.
   */
  resolve(node: TSESTree.Node): TSESTree.Node;
}

/**
 * A resolver over the taint engine's scope-aware `origin()`, so a parameter or a second `const` of the
 * same name in another function never borrows this one's value.
 */
export function createValueResolver(taint: TaintQuery): ValueResolver {
  return {
    resolve(node) {
      let n = unwrap(node);
      for (let depth = 0; depth < 4 && n.type === 'Identifier'; depth++) {
        const origin = unwrap(taint.origin(n));
        if (origin === n) break;
        n = origin;
      }
      return n;
    },
  };
}
