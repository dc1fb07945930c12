import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Depth-first walk with enter and leave callbacks, setting `parent` on the way down.
 * Written here rather than using typescript-estree's `simpleTraverse` because rules need leave events
 * (scopes close, functions end) and that helper offers only enter.
 */
export function traverse(
  root: TSESTree.Node,
  enter: (node: TSESTree.Node) => void,
  leave: (node: TSESTree.Node) => void,
): void {
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    if (parent !== undefined) (node as { parent?: TSESTree.Node }).parent = parent;
    enter(node);
    const keys = visitorKeys[node.type];
    if (keys !== undefined) {
      for (const key of keys) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const c of child) if (c !== null && typeof c === 'object') visit(c as TSESTree.Node, node);
        } else if (child !== null && typeof child === 'object') {
          visit(child as TSESTree.Node, node);
        }
      }
    }
    leave(node);
  };
  visit(root, undefined);
}
