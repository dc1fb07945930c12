import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget, receiverName } from '../../taint/call-target.js';
import { reportTaint } from '../../taint/report-taint.js';
import { worstVerdict } from '../../taint/worst-verdict.js';

/** Recursive merges: the first argument is the target, the rest are merged into it. */
const TARGET_FIRST_MERGES = new Set(['merge', 'mergeWith', 'defaultsDeep', 'mergeDeep', 'mergeRecursive']);
/** Merges that return a new object from all their arguments. */
const ALL_ARGUMENT_MERGES = new Set(['deepmerge', 'deepMerge']);
/** Path setters: `_.set(obj, 'a.b', v)`, `objectPath.set(...)`, dot-prop's `setProperty`. */
const PATH_SETTERS = new Set(['set', 'setWith', 'setProperty']);
/** Every callee name the rule reads, tested first with one lookup. */
const CALLS_READ = new Set([...TARGET_FIRST_MERGES, ...ALL_ARGUMENT_MERGES, 'extend', ...PATH_SETTERS]);
const PATH_LIBRARIES = /^(?:_|lodash|objectPath|dotProp|dot)$/;
const PATH_MODULES = /^(?:lodash(?:-es)?(?:[./]set(?:With)?)?|object-path|dot-prop)$/;
const IMPACT = 'a key of `__proto__` or `constructor.prototype` writes to `Object.prototype`, changing every object in the process (denial of service, bypassed checks, sometimes code execution)';

/**
 * Prototype pollution: object keys taken from user input in a bracket assignment (`obj[key] = v`, and
 * `obj[a][b] = v` where either key is input, as in a hand-written merge over `for (const k in body)`),
 * user objects deep-merged into others (`_.merge`, `mergeWith`, `defaultsDeep`, `deepmerge`, jQuery's
 * `$.extend(true, ...)`), and paths from input given to `_.set`/`setWith`, object-path or dot-prop.
 * Bracket writes with keys of unknown origin are everyday code: `info` only. Safe: constant or numeric
 * keys, targets made with `Object.create(null)` or `new Map()`, keys checked before the write (`if (key ===
 * '__proto__') continue`), `Object.assign` (shallow).
 */
export const prototypePollution: StaticRule = {
  doc: {
    id: 'prototype-pollution',
    title: 'Prototype pollution',
    severity: 'high',
    category: 'security',
    help:
      'Writing `obj[key] = value` with a key an attacker chooses lets them pick `__proto__`, and deep merges ' +
      'of their JSON follow it into `Object.prototype`: every object in the process then inherits their ' +
      'properties. Skip `__proto__`, `constructor` and `prototype` keys (or allow-list keys), use ' +
      '`Object.create(null)` or a `Map` for dictionaries, validate bodies with a schema, and avoid deep merges ' +
      'of request data.' +
      ' Values of unknown origin (neither constants nor traced to input) are listed at `info` with confidence 0.3: JSON and SARIF output with `min_severity: info` show them, reviews do not.',
  },
  create(ctx) {
    /** Reports the most tainted of `values` reaching `node` (call from `atEnd`). */
    const reportWorst = (node: TSESTree.Node, values: readonly TSESTree.Node[], reaches: string, fix: string): void => {
      const worst = worstVerdict(ctx.taint, values, 'prototype');
      if (worst === null) return;
      reportTaint(ctx, { node, value: worst.value, verdict: worst.verdict, sink: 'prototype', reaches, impact: IMPACT, fix, unknown: 'ambient' });
    };
    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression, name: string): void => {
      // `map.set(key, value)` has too few arguments for a path setter: settled before anything is allocated.
      if (PATH_SETTERS.has(name) && node.arguments.length < 3) return;
      const t = callTarget(node);
      if (t === null) return;
      const { method, receiver } = t;
      const args = node.arguments;
      let sources: readonly TSESTree.CallExpressionArgument[] = [];
      if (TARGET_FIRST_MERGES.has(method)) sources = args.slice(1);
      else if (ALL_ARGUMENT_MERGES.has(method)) sources = args;
      else if (method === 'extend' && args[0]?.type === 'Literal' && args[0].value === true) sources = args.slice(2);
      else if (PATH_SETTERS.has(method) && args.length >= 3) {
        const path = args[1]!;
        ctx.atEnd(() => {
          if (!isPathLibrary(ctx, receiver, node.callee) || path.type === 'SpreadElement') return;
          reportTaint(ctx, {
            node,
            value: path,
            verdict: ctx.taint.of(path, 'prototype'),
            sink: 'prototype',
            reaches: `the property path of \`${method}()\``,
            impact: IMPACT,
            fix: 'Allow-list the paths that may be set, or reject any path with a `__proto__`, `constructor` or `prototype` segment.',
            unknown: 'ambient',
          });
        });
        return;
      }
      if (sources.length === 0) return;
      ctx.atEnd(() =>
        reportWorst(
          node,
          sources,
          `the recursive merge \`${method}()\``,
          'Copy only the fields you expect (or validate the object with a schema first), or merge with a function that skips `__proto__` and `constructor`.',
        ),
      );
    };
    /** A bracket assignment (kept out of the handler: see `RuleVisitor`). */
    const onBracketAssignment = (node: TSESTree.AssignmentExpression): void => {
      const keys: TSESTree.Node[] = [];
      let m: TSESTree.Node = node.left;
      while (m.type === 'MemberExpression') {
        if (m.computed && m.property.type !== 'Literal') keys.push(m.property);
        m = unwrap(m.object);
      }
      const base = m;
      ctx.atEnd(() => {
        if (isPrototypeFree(ctx, base)) return;
        reportWorst(
          node,
          keys,
          'an object key in a bracket assignment',
          'Skip `__proto__`, `constructor` and `prototype` (or allow-list the keys), or store the data in a `Map` or an `Object.create(null)` object.',
        );
      });
    };
    return {
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression' || !hasComputedKey(node.left)) return;
        onBracketAssignment(node);
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !CALLS_READ.has(name)) return;
        onCall(node, name);
      },
    };
  },
};

/** True when some key of `a.b[c].d` is computed from something other than a literal (checked before allocating). */
function hasComputedKey(left: TSESTree.MemberExpression): boolean {
  for (let m: TSESTree.Node = left; m.type === 'MemberExpression'; m = m.object) if (m.computed && m.property.type !== 'Literal') return true;
  return false;
}

/** A target without a prototype to reach: `Object.create(null)`, a Map. */
function isPrototypeFree(ctx: RuleContext, base: TSESTree.Node): boolean {
  const o = ctx.taint.origin(base);
  if (o.type === 'NewExpression') return callTarget(o)?.method === 'Map';
  if (o.type !== 'CallExpression') return false;
  const t = callTarget(o);
  const arg = o.arguments[0];
  return t?.method === 'create' && receiverName(t.receiver) === 'Object' && arg?.type === 'Literal' && arg.value === null;
}

function isPathLibrary(ctx: RuleContext, receiver: TSESTree.Node | null, callee: TSESTree.Node): boolean {
  const module = ctx.taint.moduleOf(receiver ?? callee);
  if (module !== null) return PATH_MODULES.test(module);
  return receiver !== null && PATH_LIBRARIES.test(receiverName(receiver) ?? '');
}
