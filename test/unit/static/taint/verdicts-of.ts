import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { astParseOptions } from '../../../../src/static/analyze-file.js';
import { createTaintTracker } from '../../../../src/static/taint/create-taint-tracker.js';
import type { SinkKind, TaintQuery } from '../../../../src/static/taint/types.js';
import { createHandlerTable, createWalk } from '../../../../src/static/traverse.js';

/**
 * The verdict for the first argument of every `sink(value[, 'sql'])` call in `code`, in source order, as
 * `tainted req.query.id`, `unknown` or `constant`. The tracker sees the file in one traversal, as in the engine.
 */
export function verdictsOf(code: string, path = 'src/file.ts'): string[] {
  const { sinks, query } = track(code, path);
  return sinks.map((call) => {
    const kind = call.arguments[1]?.type === 'Literal' ? (call.arguments[1].value as SinkKind) : undefined;
    const v = query.of(call.arguments[0]!, kind);
    return v.kind === 'tainted' ? `tainted ${v.source}` : v.kind;
  });
}

/** The `sink(...)` calls of `code` and the tracker's query, after one traversal. */
export function track(code: string, path = 'src/file.ts'): { sinks: TSESTree.CallExpression[]; query: TaintQuery } {
  const ast = parse(code, astParseOptions(path));
  const walk = createWalk(ast);
  const tracker = createTaintTracker(walk.parent);
  const sinks: TSESTree.CallExpression[] = [];
  walk.run(
    createHandlerTable(),
    (node: TSESTree.Node) => {
      tracker.enter(node);
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'sink') sinks.push(node);
    },
    tracker.leave,
  );
  return { sinks, query: tracker.query };
}
