import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

type Node = TSESTree.Node & { parent?: TSESTree.Node };

// Child keys by node type; a Map reads a little faster per node than the large `visitorKeys` object.
const CHILD_KEYS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(visitorKeys).filter((e): e is [string, readonly string[]] => e[1] !== undefined),
);

/**
 * Depth-first walk with enter and leave callbacks, setting `parent` on the way down (on every node but the root).
 * Written here rather than using typescript-estree's `simpleTraverse` because rules need leave events
 * (scopes close, functions end) and that helper offers only enter.
 */
export function traverse(
  root: TSESTree.Node,
  enter: (node: TSESTree.Node) => void,
  leave: (node: TSESTree.Node) => void,
): void {
  // Index loops and the cheap null/object test first: for...of and Array.isArray on every key made this walk
  // twice as slow (measured with bench/static.bench.ts), and it runs once per node of every file.
  const visit = (node: Node): void => {
    enter(node);
    const keys = CHILD_KEYS.get(node.type);
    if (keys !== undefined) {
      for (let i = 0; i < keys.length; i++) {
        const child = (node as unknown as Record<string, unknown>)[keys[i]!];
        if (child === null || typeof child !== 'object') continue;
        if (Array.isArray(child)) {
          for (let j = 0; j < child.length; j++) {
            const c = child[j] as Node | null;
            // Arrays hold null for holes (`[a, , b]`).
            if (c === null || typeof c !== 'object') continue;
            c.parent = node;
            visit(c);
          }
        } else {
          (child as Node).parent = node;
          visit(child as Node);
        }
      }
    }
    leave(node);
  };
  visit(root);
}
