import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../ast-helpers.js';
import type { RuleVisitor, StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { patternNames } from '../bug/pattern-names.js';
import { sourceText } from '../bug/source-text.js';
import { createLoopTracker, type FrameNames, type LoopTracker } from './create-loop-tracker.js';
import { isTestPath } from './is-test-path.js';
import { queryCallOf } from './query-call-of.js';

/** What a `for...of` loop in an async function does, gathered while it is open. */
interface LoopInfo {
  /** Line of the first `await` of a call in the loop's own body. */
  firstAwait: number;
  /** Awaited calls; if all are database calls, n-plus-one-query covers the loop (checked when the loop closes). */
  awaited: TSESTree.Node[];
  /** Something makes the order matter: an early exit, a pause, a batch, a stream or page. */
  blocked: boolean;
}

/** Awaited calls that pace a loop on purpose (sleeps, rate limiters, retries). */
const PACING = /^(?:sleep|delay|wait|pause|throttle|backoff|retry|setTimeout|setImmediate|schedule|removeTokens|acquire|consume)/i;
/** Calls that set things up or change shared state in order: plugin loading, migrations, child processes, writes. */
const ORDERED_METHODS =
  /^(?:load|use|run|handle|apply|exec|execa|execFile|spawn|warmup|(?:import|register|install|uninstall|migrate|mount|init|setup|setUp|bootstrap|write|append|pipe|emit|dispatch|publish|trigger)[A-Za-z]*)$/;
/** Members that hold behaviour to invoke: `await subscription.handler(msg)` runs a pipeline of steps in order. */
const INVOKED_MEMBERS = /^(?:handler|callback|listener|hook|fn|run|execute|call|apply|exec)$/;
const CHAINING = new Set(['then', 'catch', 'finally']);
/** Items named as steps of a pipeline (`for (const hook of hooks)`, `for (const m of migrations)`): order is the point. */
const STEP_NAMES = /^(?:hooks?|tasks?|steps?|migrations?|plugins?|middlewares?|handlers?|listeners?|callbacks?|fns?|jobs?|stages?|phases?|suites?|seeds?|seeders?)$/i;
/** Receivers whose calls must run in order: a browser page, a transaction, a stream or socket. */
const ORDERED_RECEIVERS = /^(?:page|frame|locator|browser|tx|trx|transaction|queryRunner|stream|writer|socket|ws|rl|readline|stdin|stdout)$/i;
const PROMISE_COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);

/**
 * `for (const x of items) { await f(x) }` in an async function, when nothing ties one iteration to the next: the
 * loop assigns no outer variable, mutates no outer object (other than pushing to an array it does not read), has
 * no early exit, no sleep or rate limiter, no batch (`Promise.all`), no set-up step (`load`, `register*`, `migrate*`,
 * `import*`, `emit*`, child processes, methods of `this`), no call of the items themselves (`await hook()`) nor items
 * named as pipeline steps (`hooks`, `tasks`, `migrations`, `plugins`, `jobs`), and no ordered resource (page,
 * transaction, stream). Module-level loops (scripts, migrations) and test files are left alone, and so are loops
 * whose only awaits are database calls: n-plus-one-query reports those with a better fix.
 */
export const sequentialAwaitInLoop: StaticRule = {
  // Necessary for any finding: every finding is a loop that awaits (keywords cannot be escaped).
  needs: ['await'],
  doc: {
    id: 'sequential-await-in-loop',
    title: 'Independent `await`s run one at a time in a loop',
    severity: 'medium',
    category: 'performance',
    help:
      'Awaiting inside `for...of` runs the iterations one after another, so the loop takes the sum of all the ' +
      'waits instead of the longest one. When iterations do not depend on each other, start them together: ' +
      '`await Promise.all(items.map(async (item) => { ... }))`. If they must not all run at once (rate limits, ' +
      'connection pools), cap the concurrency (e.g. `p-limit`) rather than serialising everything. Note that ' +
      '`Promise.all` starts every item even if one fails; use `Promise.allSettled` to collect every outcome.',
  },
  create(ctx) {
    if (isTestPath(ctx.path)) return {};
    const info = new Map<TSESTree.ForOfStatement, LoopInfo>();
    const loops: LoopTracker = createLoopTracker({
      onEnterLoop(frame) {
        const node = frame.node;
        if (node.type === 'ForOfStatement' && !node.await && frame.fn?.async && !iteratesSteps(node)) {
          info.set(node, { firstAwait: 0, awaited: [], blocked: false });
        }
      },
      onLeave(frame) {
        if (frame.node.type !== 'ForOfStatement') return;
        const loop = info.get(frame.node);
        if (!loop) return;
        info.delete(frame.node);
        if (loop.blocked || loop.awaited.length === 0 || loop.awaited.every((a) => isQueryChain(a, ctx.parent))) return;
        if (dependsOnEarlierIterations(ctx.lines, frame.node, loops.namesOf(frame))) return;
        ctx.report({ node: frame.node, confidence: 0.7, message: messageFor(ctx.lines, frame.node, loop.firstAwait) });
      },
    }, ctx.parent);
    /**
     * Marks as order-bound the open for...of loops of the function that `node` (the node being visited) is in; with
     * a jump's `target`, only the loops `leaves(target, loop)` says the jump cuts short.
     */
    const block = (node: TSESTree.Node, target: TSESTree.Node | null = null, leaves = contains): void => {
      const stack = loops.stack;
      const end = stack.length - loops.loopsInFunctionOf(node);
      for (let i = stack.length - 1; i >= end; i--) {
        const frame = stack[i]!;
        const loop = frame.node.type === 'ForOfStatement' ? info.get(frame.node) : undefined;
        if (loop && (target === null || leaves(target, frame.node))) loop.blocked = true;
      }
    };
    return Object.assign(loops.visitor, {
      AwaitExpression(node) {
        if (info.size === 0) return;
        const frame = loops.loopOf(node);
        const arg = unchained(unwrap(node.argument));
        if (paces(arg)) block(node);
        if (frame === null || frame.node.type !== 'ForOfStatement') return;
        const loop = info.get(frame.node);
        if (!loop || (arg.type !== 'CallExpression' && arg.type !== 'NewExpression')) return;
        if (invokesLoopVariable(frame.node, arg)) loop.blocked = true;
        loop.awaited.push(arg);
        if (loop.firstAwait === 0) loop.firstAwait = node.loc.start.line;
      },
      ReturnStatement(node) {
        if (info.size > 0) block(node);
      },
      ThrowStatement(node) {
        if (info.size > 0) block(node);
      },
      YieldExpression(node) {
        if (info.size > 0) block(node);
      },
      BreakStatement(node) {
        if (info.size === 0) return;
        const target = jumpTarget(node, ctx.parent);
        // A break leaves its target and every loop inside it.
        block(node, target);
      },
      ContinueStatement(node) {
        if (info.size === 0 || node.label === null) return;
        const target = jumpTarget(node, ctx.parent);
        // `continue outer` ends the iteration of every loop nested inside `outer` early.
        block(node, target, nestedIn);
      },
    } satisfies RuleVisitor);
  },
};

/** True when the loop's item or iterable is named as pipeline steps: `for (const m of migrations)`, `for (const hook of hooks)`. */
function iteratesSteps(loop: TSESTree.ForOfStatement): boolean {
  const decl = loop.left.type === 'VariableDeclaration' ? loop.left.declarations[0]?.id : loop.left;
  if (decl?.type === 'Identifier' && STEP_NAMES.test(decl.name)) return true;
  const iterable = unwrap(loop.right);
  const name = iterable.type === 'Identifier' ? iterable.name : iterable.type === 'MemberExpression' && !iterable.computed && iterable.property.type === 'Identifier' ? iterable.property.name : null;
  return name !== null && STEP_NAMES.test(name);
}

/** The call under `.then/.catch/.finally` chaining: `f(x).catch(log)` -> `f(x)`. */
function unchained(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.type === 'CallExpression' &&
    n.callee.type === 'MemberExpression' &&
    !n.callee.computed &&
    n.callee.property.type === 'Identifier' &&
    CHAINING.has(n.callee.property.name) &&
    n.callee.object.type === 'CallExpression'
  ) {
    n = n.callee.object;
  }
  return n;
}

/** `for (const hook of hooks) await hook()` / `await sub.handler(msg)`: the items are steps, run in order by design. */
function invokesLoopVariable(loop: TSESTree.ForOfStatement, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const decl = loop.left.type === 'VariableDeclaration' ? loop.left.declarations[0]?.id : loop.left;
  if (!decl) return false;
  const names = patternNames(decl);
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return names.includes(callee.name);
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    INVOKED_MEMBERS.test(callee.property.name) &&
    callee.object.type === 'Identifier' &&
    names.includes(callee.object.name)
  );
}

/** Awaited expressions that serialise a loop on purpose: sleeps, limiters, batches, set-up steps, ordered resources. */
function paces(arg: TSESTree.Node): boolean {
  if (arg.type === 'NewExpression') return true; // `await new Promise((r) => setTimeout(r, ms))` and friends
  if (arg.type !== 'CallExpression') return false;
  const name = calleeName(arg.callee);
  if (name === null) return false;
  const method = lastSegment(name);
  if (PROMISE_COMBINATORS.has(name) || PACING.test(method) || ORDERED_METHODS.test(method) || /limit/i.test(name)) return true;
  // `await this.load(x)`: an object working on its own state, one step at a time.
  if (name.startsWith('this.')) return true;
  const dot = name.lastIndexOf('.');
  return dot !== -1 && ORDERED_RECEIVERS.test(lastSegment(name.slice(0, dot)));
}

/** True when a call chain includes a database call: `prisma.user.findUnique(...)`, `knex('t').where(...).first()`. */
function isQueryChain(node: TSESTree.Node, parent: ParentOf): boolean {
  let n = node;
  while (n.type === 'CallExpression') {
    if (queryCallOf(n, parent) !== null) return true;
    if (n.callee.type !== 'MemberExpression') return false;
    n = n.callee.object;
  }
  return false;
}

/**
 * True when an iteration can see what an earlier one did: the loop assigns or mutates a variable declared
 * outside it, or pushes to an outer array that it also reads.
 */
function dependsOnEarlierIterations(lines: readonly string[], loop: TSESTree.ForOfStatement, names: FrameNames): boolean {
  for (const n of names.assigned) if (!names.declared.has(n)) return true;
  for (const n of names.mutated) if (!names.declared.has(n)) return true;
  if (names.pushed.size === 0) return false;
  const body = sourceText(lines, loop.body);
  for (const [n, pushes] of names.pushed) {
    if (names.declared.has(n)) continue;
    const uses = body.match(new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
    if (uses > pushes) return true;
  }
  return false;
}

/** The statement a `break`/`continue` jumps out of (a loop, a switch or a labelled statement); null if not found. */
function jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement, parent: ParentOf): TSESTree.Node | null {
  let n: TSESTree.Node | undefined = parent(node);
  while (n) {
    switch (n.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return null;
      case 'LabeledStatement':
        if (node.label && n.label.name === node.label.name) return n.body;
        break;
      case 'SwitchStatement':
        if (!node.label && node.type === 'BreakStatement') return n;
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        if (!node.label) return n;
        break;
      default:
        break;
    }
    n = parent(n);
  }
  return null;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `inner` lies inside `outer` and is not `outer` itself. */
function nestedIn(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer !== inner && contains(outer, inner);
}

function messageFor(lines: readonly string[], loop: TSESTree.ForOfStatement, awaitLine: number): string {
  const iterable = sourceText(lines, loop.right);
  const items = iterable.length <= 40 && !iterable.includes('\n') ? iterable : 'items';
  const decl = loop.left.type === 'VariableDeclaration' ? loop.left.declarations[0]?.id : loop.left;
  const pattern = decl?.type === 'Identifier' ? decl.name : decl ? sourceText(lines, decl) : 'item';
  const param = pattern.length <= 40 && !pattern.includes('\n') && !pattern.includes(':') ? pattern : 'item';
  return (
    `Each iteration waits for the previous one (\`await\` on line ${awaitLine}), although the iterations do not depend on each other: ` +
    `the loop takes the sum of all the waits. Run them together: \`await Promise.all(${items}.map(async (${param}) => { ... }))\`, ` +
    'or cap the concurrency (e.g. `p-limit`) if the service behind it has rate limits. ' +
    'If the order matters, say why with `// argus-ignore-next-line sequential-await-in-loop -- <reason>`.'
  );
}
