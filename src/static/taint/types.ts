import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * How much an expression's value can be trusted:
 * - `tainted`: it flows from user input (a known source), through assignments, templates, concatenation,
 *   properties or simple wrappers;
 * - `unknown`: not a constant and not traced to a source (a parameter, a call result, an import);
 * - `constant`: fixed at write time, or made harmless for the sink asked about by a sanitiser
 *   (`parseInt(req.query.n)` is `constant` for every sink, `encodeURIComponent(x)` for HTML and URL sinks).
 */
export type TaintKind = 'tainted' | 'unknown' | 'constant';

/** The answer about one value: its kind, and for tainted values where the input came from. */
export interface TaintVerdict {
  kind: TaintKind;
  /** For `tainted`: the source as written, e.g. `req.query.id` or `process.argv`. */
  source?: string;
}

/**
 * The class of sink a value is about to reach. Sanitisers are per class: `encodeURIComponent` makes a value
 * safe in HTML, a URL or a path segment but not in SQL; `String(x)` ends NoSQL operator injection only.
 */
export type SinkKind = 'code' | 'command' | 'sql' | 'nosql' | 'html' | 'path' | 'redirect' | 'url' | 'prototype';

/**
 * What a function parameter is, judged from how the function is used (see `paramRole`):
 * - `request`: an HTTP request or Koa context (`req`, `request`, `ctx`): its `query`, `body`, `params`, ... are input;
 * - `response`: the response object of an Express-style handler (`res`);
 * - `lambda-event`: the event of an AWS Lambda handler (`event.body`, `event.queryStringParameters`, ...);
 * - `message-event`: the event of a `message` listener (`event.data`);
 * - `route-context`: a Next.js route handler's second argument or a page's props (`params`, `searchParams`).
 */
export type ParamRole = 'request' | 'response' | 'lambda-event' | 'message-event' | 'route-context';

/** Answers taint questions about expressions of the file being analysed. */
export interface TaintQuery {
  /**
   * The taint of `node`, as it reaches a sink of class `sink` (sanitisers for other classes do not count;
   * without `sink`, only sanitisers that make a value safe everywhere do). Complete only once the whole file
   * has been traversed (assignments after a use, hoisted functions): call it from a `ctx.atEnd` callback.
   */
  of(node: TSESTree.Node, sink?: SinkKind): TaintVerdict;
  /**
   * The constant text `node` starts with, followed through local constants and concatenation
   * (`` `${BASE}/users/${id}` `` with `const BASE = 'https://api.example.com'` gives
   * `https://api.example.com/users/`); '' when it starts with something else. Call it from `atEnd`.
   */
  prefixOf(node: TSESTree.Node): string;
  /**
   * The expression a local variable holds when it is assigned exactly once (followed through aliases), so a
   * rule can see the shape of a value (`const sql = 'SELECT ' + x; db.query(sql)` gives the `+` expression);
   * `node` itself otherwise. Stores into the value (`obj.k = v`, `arr.push(v)`) are not assignments: they
   * change its taint, not its shape. Call it from `atEnd`.
   */
  origin(node: TSESTree.Node): TSESTree.Node;
  /** What a parameter is (`req` of an Express handler is a `request`), or null. Call it from `atEnd`. */
  roleOf(node: TSESTree.Node): ParamRole | null;
  /**
   * The module a name was imported or required from: `child_process` for `cp` in `cp.exec` after
   * `import cp from 'node:child_process'` (the `node:` prefix is dropped), or for a destructured `exec`.
   * For member expressions, the module of the leftmost name. Null for local values and globals.
   */
  moduleOf(node: TSESTree.Node): string | null;
  /**
   * Where the name at the root of `node` is declared: `import` (an import or `require`), `local` (declared in
   * this file: a function, a variable, a parameter) or `global` (not declared: `fetch`, `eval`, `window`).
   * Lets a rule tell the global `fetch` from a local function of that name. Call it from `atEnd`.
   */
  declarationOf(node: TSESTree.Node): 'import' | 'local' | 'global';
}

/**
 * The engine's side of taint tracking: it sees nodes on the way in and out of the one traversal (before the
 * rules do on the way in, after them on the way out), collecting the facts `query` resolves. `enter` needs only
 * the nodes of `RECORDED_TYPES` and `leave` those of `SCOPE_TYPES` (record-facts.ts); any other node is ignored.
 */
export interface TaintTracker {
  enter(node: TSESTree.Node): void;
  leave(node: TSESTree.Node): void;
  query: TaintQuery;
}
