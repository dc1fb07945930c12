import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../ast-helpers.js';
import { requiredModule } from './binding.js';
import { createConstantText, type ConstantText } from './create-constant-text.js';
import { createResolver, type Resolver } from './create-resolver.js';
import { sinkBit, verdictOf } from './fact.js';
import { memberRoot } from './record-facts.js';
import { createFactRecorder, RECORDED_TYPES, SCOPE_TYPES } from './record-facts.js';
import type { TaintTracker } from './types.js';
import { addHandler, type HandlerTable, type ParentOf } from '../traverse.js';

/**
 * Builds the taint tracker for one file. The traversal feeds `enter`/`leave` (scopes, declarations,
 * assignments, returns and named calls are recorded in O(1) per node); the first question builds the
 * resolver, which answers lazily with memoisation (see `createResolver`). Questions belong in `ctx.atEnd`
 * callbacks: one asked mid-traversal sees only what was read so far, and the resolver is rebuilt (its
 * memo dropped) if more is recorded afterwards.
 */
export function createTaintTracker(parent: ParentOf): TaintTracker {
  const recorder = createFactRecorder(parent);
  const facts = recorder.facts;
  let resolver: Resolver | null = null;
  let text: ConstantText | null = null;
  let applied = 0;
  /** How much the traversal had recorded when the resolver was built. */
  let seenCalls = 0;
  let seenReturns = 0;

  const ready = (): Resolver => {
    if (resolver === null || facts.pending.length !== applied || facts.namedCalls.length !== seenCalls || facts.returns.size !== seenReturns) {
      resolver = createResolver(facts, parent, applied);
      text = createConstantText(resolver.find);
      applied = facts.pending.length;
      seenCalls = facts.namedCalls.length;
      seenReturns = facts.returns.size;
    }
    return resolver;
  };

  const bindingOf = (node: TSESTree.Node) => {
    const n = unwrap(node);
    const root = n.type === 'Identifier' ? n : n.type === 'MemberExpression' ? memberRoot(n) : null;
    return root === null ? null : ready().find(root);
  };

  return {
    enter: recorder.enter,
    leave: recorder.leave,
    query: {
      of(node, sink) {
        const r = ready();
        return verdictOf(r.close(r.fact(node)), sinkBit(sink));
      },
      prefixOf(node) {
        ready();
        return text!.prefixOf(node);
      },
      origin(node) {
        ready();
        return text!.origin(node);
      },
      roleOf(node) {
        const n = unwrap(node);
        if (n.type !== 'Identifier') return null;
        const b = ready().find(n);
        return b === null ? null : ready().role(b);
      },
      moduleOf(node) {
        // `require('child_process').exec(cmd)`: the module is named right there, no binding in between.
        return requiredModule(unwrap(node)) ?? bindingOf(node)?.module ?? null;
      },
      declarationOf(node) {
        const b = bindingOf(node);
        return b === null ? 'global' : b.module !== undefined ? 'import' : 'local';
      },
    },
  };
}

/**
 * Adds `tracker` to a walk's handler table for the node types it acts on, so the walk can pass over the rest:
 * `'enter'` before any rule's handlers are added (the tracker records a node before a rule sees it), `'leave'`
 * after them all (a scope closes once every rule has left it).
 */
export function addTrackerHandlers(table: HandlerTable, tracker: TaintTracker, phase: 'enter' | 'leave'): void {
  if (phase === 'enter') for (const type of RECORDED_TYPES) addHandler(table, type, false, tracker.enter);
  else for (const type of SCOPE_TYPES) addHandler(table, type, true, tracker.leave);
}
