import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';
import { calleeMethod, callTarget } from '../../taint/call-target.js';
import { reportTaint } from '../../taint/report-taint.js';
import { worstVerdict } from '../../taint/worst-verdict.js';

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'global', 'self']);
const VM_RUNNERS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']);
const TIMERS = new Set(['setTimeout', 'setInterval']);
const CALL_SINKS = new Set(['eval', 'Function', ...TIMERS, ...VM_RUNNERS]);
const FIX = 'Parse data with `JSON.parse`, look values up in a map, or pass a function instead of a string.';
const IMPACT = 'whoever controls it runs arbitrary JavaScript with the privileges of this process';

/**
 * Strings evaluated as code: `eval`, the `Function` constructor, string timers, `vm.run*`, `vm.compileFunction`
 * and `new vm.Script`. Graded by the taint of the code: input is critical, a value of unknown origin one grade
 * lower, constants are fine. A timer is only a sink when given a string (a function is the normal case).
 */
export const codeInjection: StaticRule = {
  // Necessary for any finding: the sinks' names.
  needs: ['eval', 'Function', 'setTimeout', 'setInterval', 'runIn', 'Script'],
  doc: {
    id: 'code-injection',
    title: 'Code injection',
    severity: 'critical',
    category: 'security',
    help:
      'Evaluating a string as code runs whatever that string holds; if any part of it comes from a user, ' +
      'the user runs code on your server (or in your page). Parse data with `JSON.parse`, look values up in a ' +
      'map, or pass a function instead of a string to timers. A `vm` context is not a security boundary.' +
      ' Code of unknown origin is reported one grade lower (confidence 0.55).',
  },
  create(ctx) {
    const evaluate = (node: TSESTree.Node, values: readonly (TSESTree.Node | undefined)[], what: string, stringOnly = false): void => {
      const worst = worstVerdict(ctx.taint, values, 'code');
      if (worst === null) return;
      // A timer given a variable of unknown origin is almost always a callback, not a string.
      if (stringOnly && worst.verdict.kind !== 'tainted' && !isStringy(ctx.taint.origin(worst.value))) return;
      reportTaint(ctx, { node, value: worst.value, verdict: worst.verdict, sink: 'code', reaches: `${what} as code`, impact: IMPACT, fix: FIX, unknown: 'lower' });
    };
    const check = (node: TSESTree.Node, values: readonly (TSESTree.Node | undefined)[], what: string, stringOnly = false): void =>
      ctx.atEnd(() => evaluate(node, values, what, stringOnly));

    const isVm = (receiver: TSESTree.Node | null, callee: TSESTree.Node): boolean => {
      if (receiver !== null) {
        const r = unwrap(receiver);
        return (r.type === 'Identifier' && r.name === 'vm') || ctx.taint.moduleOf(r) === 'vm';
      }
      return ctx.taint.moduleOf(callee) === 'vm';
    };

    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      if (t === null) return;
      const global = t.receiver === null || (t.receiver.type === 'Identifier' && GLOBAL_OBJECTS.has(t.receiver.name));
      if (t.method === 'eval' && global) check(node, [node.arguments[0]], '`eval()`');
      else if (t.method === 'Function' && global) check(node, node.arguments, '`Function()`');
      else if (TIMERS.has(t.method) && global) check(node, [node.arguments[0]], `\`${t.method}()\` with a string`, true);
      else if (VM_RUNNERS.has(t.method)) {
        const { receiver } = t;
        ctx.atEnd(() => {
          if (isVm(receiver, node.callee)) evaluate(node, [node.arguments[0]], `\`${t.method}()\``);
        });
      }
    };
    return {
      CallExpression(node) {
        const method = calleeMethod(node);
        if (method === null || !CALL_SINKS.has(method) || node.arguments.length === 0) return;
        onCall(node);
      },
      NewExpression(node) {
        const method = calleeMethod(node);
        if ((method !== 'Function' && method !== 'Script') || node.arguments.length === 0) return;
        const t = callTarget(node);
        if (t === null) return;
        const global = t.receiver === null || (t.receiver.type === 'Identifier' && GLOBAL_OBJECTS.has(t.receiver.name));
        if (t.method === 'Function' && global) check(node, node.arguments, '`new Function()`');
        else if (t.method === 'Script') {
          const { receiver } = t;
          ctx.atEnd(() => {
            if (isVm(receiver, node.callee)) evaluate(node, [node.arguments[0]], '`new vm.Script()`');
          });
        }
      },
    };
  },
};

/** A string expression rather than a function: a string literal, a template or a concatenation. */
function isStringy(node: TSESTree.Node): boolean {
  return (
    node.type === 'TemplateLiteral' ||
    (node.type === 'Literal' && typeof node.value === 'string') ||
    (node.type === 'BinaryExpression' && node.operator === '+')
  );
}
