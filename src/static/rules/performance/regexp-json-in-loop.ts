import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleVisitor, StaticRule } from '../../rule.js';
import { createLoopTracker, type Frame, type FrameNames } from './create-loop-tracker.js';
import { isTestPath } from './is-test-path.js';

interface Candidate {
  node: TSESTree.Node;
  /** Variables the value is computed from; reported only if the loop changes none of them. */
  deps: string[];
  message: (loopLine: number) => string;
}

/**
 * Work a loop repeats although its result cannot change between iterations: `new RegExp(<loop-invariant>)`,
 * regex literals with the `g`/`y` flag, and `JSON.parse(JSON.stringify(x))` deep clones of a loop-invariant `x`.
 * Loop statements only: iteration callbacks (`lines.map((l) => l.replace(/\s+/g, ' '))`) are the idiom and the
 * cost per call is small.
 */
export const regexpJsonInLoop: StaticRule = {
  // Necessary for any finding: each sits in a loop statement (`for`, `while`, `do ... while`; keywords cannot be escaped).
  needs: ['for', 'while'],
  doc: {
    id: 'regexp-json-in-loop',
    title: 'Loop-invariant RegExp or JSON deep clone inside a loop',
    severity: 'low',
    category: 'performance',
    help:
      'A `RegExp` built from values the loop does not change, or a `JSON.parse(JSON.stringify(x))` deep clone of ' +
      'such a value, is rebuilt on every iteration: allocation and parsing (or a full serialise/parse round trip) ' +
      'that could happen once. Hoist the `RegExp` into a constant above the loop; clone once before the loop if ' +
      'the copy is only read, or use `structuredClone(x)` (no JSON round trip; keeps `Date`, `Map`, `undefined`) ' +
      'when every iteration needs its own copy. A hoisted `g`/`y` regex keeps `lastIndex` between calls: ' +
      '`replace`, `match`, `matchAll` and `split` reset it, but `exec`/`test` loops need `re.lastIndex = 0` first.',
  },
  create(ctx) {
    if (isTestPath(ctx.path)) return {};
    // Made on the first candidate: most files have none.
    let pending: Map<Frame, Candidate[]> | null = null;
    let reportedLines: Set<number> | null = null;
    const loops = createLoopTracker({ onLeave: settle }, ctx.parent);
    return Object.assign(loops.visitor, {
      CallExpression: checkCall,
      NewExpression(node) {
        if (loops.inLoop()) regExpCall(node);
      },
      VariableDeclarator(node) {
        if (node.init && loops.inLoop()) regexLiteral(node.init, node);
      },
    } satisfies RuleVisitor);

    /** A loop closes: report what does not depend on anything it changes. */
    function settle(frame: Frame): void {
      const list = pending?.get(frame);
      if (pending === null || !list) return;
      pending.delete(frame);
      const line = frame.node.loc.start.line;
      for (const c of list) {
        if (c.deps.length > 0 && c.deps.some((d) => changes(loops.namesOf(frame), d))) continue;
        // One comment per line: `s.replace(/~1/g, '/').replace(/~0/g, '~')` is one thing to hoist, not two.
        reportedLines ??= new Set();
        if (reportedLines.has(c.node.loc.start.line)) continue;
        reportedLines.add(c.node.loc.start.line);
        ctx.report({ node: c.node, confidence: 0.8, message: c.message(line) });
      }
    }

    /** `at` is the node being visited when `node` is a regex literal in it (its parent is a search away). */
    function add(node: TSESTree.Node, deps: string[], message: Candidate['message'], at?: TSESTree.Node): void {
      // `cached ??= new RegExp(p)` / `if (!re) re = new RegExp(p)`: built once and kept, not rebuilt per iteration.
      // A literal's parent is the call, its callee or a declarator, never an assignment.
      if (at === undefined && ctx.parent(node)?.type === 'AssignmentExpression') return;
      const loop = loops.loopOf(node, at);
      if (loop === null) return;
      pending ??= new Map();
      const list = pending.get(loop);
      if (list) list.push({ node, deps, message });
      else pending.set(loop, [{ node, deps, message }]);
    }

    function checkCall(node: TSESTree.CallExpression): void {
      if (!loops.inLoop()) return;
      regExpCall(node);
      // Regex literals are checked where they are used (call arguments, `/re/g.test(s)`, declarations), not by
      // a handler on every literal of every file.
      const callee = node.callee;
      if (callee.type === 'MemberExpression') regexLiteral(callee.object, node);
      for (const a of node.arguments) regexLiteral(a, node);
      const arg = jsonCloneArgument(node);
      if (arg === null) return;
      const deps: string[] = [];
      if (!depsOf(arg, deps)) return;
      add(node, deps, (line) =>
        `\`JSON.parse(JSON.stringify(...))\` deep-clones a value the loop on line ${line} does not change, once per iteration: a full serialise and parse each time. If the copy is only read, clone once before the loop (or not at all); if each iteration needs its own copy, use \`structuredClone(...)\` (no JSON round trip; keeps Dates, Maps and undefined) or build the object directly.`,
      );
    }

    function regExpCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (node.arguments.length === 0 || !isRegExpCallee(node.callee)) return;
      const deps: string[] = [];
      if (!node.arguments.every((a) => a.type !== 'SpreadElement' && depsOf(a, deps))) return;
      add(node, deps, (line) =>
        deps.length === 0
          ? `This \`RegExp\` is built from constants, yet it is compiled again on every iteration of the loop on line ${line}. Hoist it into a constant above the loop (mind \`lastIndex\` if it has the \`g\` or \`y\` flag and you call \`exec\`/\`test\`).`
          : `This \`RegExp\` depends only on values the loop on line ${line} does not change (${deps.map((d) => `\`${d}\``).join(', ')}), yet it is compiled again on every iteration. Build it once above the loop (mind \`lastIndex\` if it has the \`g\` or \`y\` flag and you call \`exec\`/\`test\`).`,
      );
    }

    /** `at`: the call or declarator being visited, which holds `node` as an argument, callee object or initialiser. */
    function regexLiteral(node: TSESTree.Node, at: TSESTree.Node): void {
      if (node.type !== 'Literal' || !('regex' in node) || !node.regex || !/[gy]/.test(node.regex.flags)) return;
      const { pattern, flags } = node.regex;
      const text = `/${pattern}/${flags}`;
      const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
      add(
        node,
        [],
        (line) =>
          `The regex literal \`${shown}\` creates a new RegExp object on every iteration of the loop on line ${line}. Hoist it into a constant above the loop. With the \`${flags.includes('g') ? 'g' : 'y'}\` flag a shared instance keeps \`lastIndex\` between calls: \`replace\`, \`match\`, \`matchAll\` and \`split\` reset it, but reset \`re.lastIndex = 0\` before an \`exec\`/\`test\` loop.`,
        at,
      );
    }
  },
};

/** `RegExp` or `globalThis.RegExp`, checked by shape (no name strings built per call). */
function isRegExpCallee(callee: TSESTree.Node): boolean {
  if (callee.type === 'Identifier') return callee.name === 'RegExp';
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'globalThis' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'RegExp'
  );
}

/** True for `JSON.<method>` as a callee. */
function isJsonCall(callee: TSESTree.Node, method: string): boolean {
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'JSON' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === method
  );
}

/** `x` in `JSON.parse(JSON.stringify(x))` (no reviver, no replacer); null for anything else. */
function jsonCloneArgument(node: TSESTree.CallExpression): TSESTree.Node | null {
  if (node.arguments.length !== 1 || !isJsonCall(node.callee, 'parse')) return null;
  const inner = unwrap(node.arguments[0]!);
  if (inner.type !== 'CallExpression' || inner.arguments.length !== 1 || !isJsonCall(inner.callee, 'stringify')) return null;
  const arg = inner.arguments[0]!;
  return arg.type === 'SpreadElement' ? null : arg;
}

/**
 * Collects the variables an expression reads into `out`; false when it calls anything (or does something else a
 * loop could make differ), in which case it is not known to be loop-invariant.
 */
function depsOf(node: TSESTree.Node, out: string[]): boolean {
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      return true;
    case 'Identifier':
      if (n.name !== 'undefined') out.push(n.name);
      return true;
    case 'ThisExpression':
      out.push('this');
      return true;
    case 'MemberExpression':
      return depsOf(n.object, out) && (!n.computed || depsOf(n.property, out));
    case 'TemplateLiteral':
      return n.expressions.every((e) => depsOf(e, out));
    case 'BinaryExpression':
      return n.left.type !== 'PrivateIdentifier' && depsOf(n.left, out) && depsOf(n.right, out);
    default:
      return false;
  }
}

/** True when the loop declares, assigns or mutates `name`: its value may differ between iterations. */
function changes(names: FrameNames, name: string): boolean {
  return names.declared.has(name) || names.assigned.has(name) || names.mutated.has(name) || names.pushed.has(name);
}
