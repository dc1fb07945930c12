import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { createValueResolver, type ValueResolver } from './hardening/create-value-resolver.js';
import { findCatastrophicBacktracking, type BacktrackingRisk } from './hardening/redos/find-catastrophic-backtracking.js';
import { sinkVerdict } from './hardening/sink-verdict.js';
import { stepSeverity } from './hardening/step-severity.js';

/** `RegExp`, also reached through the global object. */
const GLOBAL_REGEXP = /^(?:(?:window|globalThis|global)\.)?RegExp$/;
/** A group repeated by `*`, `+` or `{n`: without one, no loop can split its input two ways. */
const REPEATED_GROUP = /\)(?:[*+]|\{\d)/;
const REPLACE = /^replace(?:All)?$/;
/** Helpers that escape a string for use inside a regex: lodash, escape-string-regexp, RegExp.escape, home-made ones. */
const ESCAPERS = /^(?:escape(?:Reg(?:Ex|Exp)p?|StringRegexp|Regexp?|RegexChars|RegExpChars|ForRegExp|ForRegex|Pattern)?|quote(?:Reg(?:Ex|Exp)p?)?)$/i;

/**
 * Regular expressions that can take exponential time: literals (and constant `new RegExp('...')`)
 * whose repeated parts can match one text in many ways (medium; see `findCatastrophicBacktracking`),
 * and `new RegExp(x)` with `x` traced to user input (high: the user writes the pattern). Patterns of
 * unknown origin are not reported (search terms and prefixes from parameters are common and benign), nor
 * values passed through a regex-escaping helper.
 */
export const redos: StaticRule = {
  doc: {
    id: 'redos',
    title: 'Regular expression denial of service',
    severity: 'high',
    category: 'security',
    help:
      'JavaScript regexes backtrack: a pattern such as `(\\w+\\s?)*$` tries exponentially many ways to split ' +
      'an input that almost matches, and one 30-character string blocks the event loop for seconds, ' +
      'stalling every request. Rewrite the repeated part so each character can be matched one way only ' +
      '(`(\\w+\\s)*\\w+`, or drop the inner quantifier), bound input length before matching, and never build ' +
      'a pattern from user input: escape it (`RegExp.escape`, lodash `escapeRegExp`) or use `includes()`.',
  },
  create(ctx) {
    // Made on the first `RegExp` call: most files construct none.
    let dynamic: Array<{ call: TSESTree.CallExpression | TSESTree.NewExpression; pattern: TSESTree.Node; flags: TSESTree.Node | undefined }> | null = null;
    ctx.atEnd(() => {
      if (dynamic === null) return;
      const consts = createValueResolver(ctx.taint);
      for (const { call, pattern, flags } of dynamic) checkConstructed(ctx, call, pattern, flags, consts);
    });
    const onConstructor = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (calleeTail(node.callee) !== 'RegExp') return;
      const name = calleeName(node.callee);
      const [pattern, flags] = node.arguments;
      if (name !== null && GLOBAL_REGEXP.test(name) && pattern && pattern.type !== 'SpreadElement' && flags?.type !== 'SpreadElement') {
        (dynamic ??= []).push({ call: node, pattern, flags });
      }
    };
    return {
      Literal(node) {
        if (!('regex' in node) || !node.regex) return;
        const risk = analyse(node.regex.pattern, node.regex.flags);
        if (risk) reportRisk(ctx, node, risk);
      },
      NewExpression: onConstructor,
      CallExpression: onConstructor,
    };
  },
};

function checkConstructed(ctx: RuleContext, call: TSESTree.Node, pattern: TSESTree.Node, flags: TSESTree.Node | undefined, consts: ValueResolver): void {
  const source = constantString(pattern, consts);
  if (source !== null) {
    const flagText = flags ? constantString(flags, consts) : '';
    const risk = flagText === null ? null : analyse(source, flagText);
    if (risk) reportRisk(ctx, call, risk);
    return;
  }
  const resolved = consts.resolve(pattern);
  if (resolved.type === 'Literal' && 'regex' in resolved && resolved.regex) return; // new RegExp(/re/, 'g'): the literal is checked itself
  if (isEscaped(resolved)) return;
  const verdict = sinkVerdict(ctx, pattern);
  // Untraced dynamic patterns are not reported: they are everywhere (search terms, prefixes, config) and
  // nearly always benign, so a low finding on each would be noise. Traced user input is the real risk.
  if (!verdict?.traced) return;
  ctx.report({
    node: call,
    message:
      'This regex is compiled from user input. ' +
      verdict.origin +
      ' Whoever writes the pattern can make matching take exponential time (e.g. `(a+)+$` against `aaaa…!`) and stall the event loop for every request. ' +
      'Escape the value (`RegExp.escape(x)`, lodash `escapeRegExp(x)`) if it should match literally, or use `includes()`/`startsWith()`.',
    severity: verdict.severity,
    confidence: 0.85,
  });
}

/** Verdicts of recent patterns: the same regexes (`/\s+/g`) recur across files, and analysis compiles probes. */
const verdicts = new Map<string, BacktrackingRisk | null>();
const MAX_VERDICTS = 2000;

/**
 * The analyser behind a cheap filter and a bounded memo: without a group repeated by `*`, `+` or `{`,
 * no loop can split its input two ways, so most patterns are settled without parsing.
 */
function analyse(source: string, flags: string): BacktrackingRisk | null {
  if (!REPEATED_GROUP.test(source)) return null;
  const key = `${flags}/${source}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const risk = findCatastrophicBacktracking(source, flags);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, risk);
  return risk;
}

function reportRisk(ctx: RuleContext, node: TSESTree.Node, risk: BacktrackingRisk): void {
  const why = {
    'nested-quantifier': 'it repeats a part that itself repeats',
    'overlapping-alternation': 'two alternatives of a repeated group match the same text',
    'overlapping-repetition': 'a repeated group can match the same text as one or as several repetitions',
  }[risk.kind];
  const attack = JSON.stringify(risk.witness.repeat(Math.max(1, Math.ceil(24 / risk.witness.length))) + '!');
  ctx.report({
    node,
    message:
      `\`${risk.fragment}\` can backtrack exponentially: ${why}, so input like ${attack} (longer and it doubles per character) ` +
      'is tried in every split before the match fails, blocking the event loop. Rewrite it so each character is matched one way ' +
      '(drop the inner quantifier, or make the repeated part start or end with a separator it cannot contain), or bound the input length first.',
    severity: stepSeverity(ctx.severity, 'down'),
    confidence: 0.8,
  });
}

/** True when every non-constant part of a pattern expression went through a regex-escaping helper. */
function isEscaped(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (constantString(n) !== null) return true;
  if (n.type === 'BinaryExpression' && n.operator === '+') return isEscaped(n.left) && isEscaped(n.right);
  if (n.type === 'TemplateLiteral') return n.expressions.every(isEscaped);
  if (n.type !== 'CallExpression') return false;
  const name = calleeName(n.callee);
  if (name !== null && ESCAPERS.test(lastSegment(name))) return true;
  // x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'): escapes the metacharacters it lists
  if (n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && REPLACE.test(n.callee.property.name)) {
    const re = n.arguments[0];
    return re !== undefined && re.type === 'Literal' && 'regex' in re && re.regex !== undefined && ['*', '+', '?', '(', '['].every((c) => re.regex.pattern.includes(c));
  }
  return false;
}
