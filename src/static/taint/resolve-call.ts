import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { lastSegment, unwrap } from '../ast-helpers.js';
import { allowListReplaceMask, COLLECTION_METHODS, functionModel, NUMERIC_METHODS, sanitizerMask, STRING_METHODS } from './call-models.js';
import { canonicalName } from './canonical-name.js';
import type { Resolver } from './create-resolver.js';
import { CONSTANT, UNKNOWN, joinFacts, sanitizeFact, sinkMask, taintedFact, unsanitizeFact, type Fact } from './fact.js';
import { requestMethodInput, SOURCE_CALLS } from './input-sources.js';
import { memberKey } from './member-key.js';

const STRING = sinkMask('nosql');
/** Constructors whose instance is built from the arguments. */
const CARRYING_CONSTRUCTORS = new Set(['URL', 'String', 'Array', 'Set', 'Map', 'Headers', 'Buffer']);

/**
 * What a call returns: a local function's summary applied to the arguments (wrappers), a source
 * (`request.json()`, `useSearchParams()`), a sanitiser, a modelled library function, a string or collection
 * method of a tainted receiver; unknown for anything else (an imported or global function we know nothing of).
 */
export function resolveCall(r: Resolver, call: TSESTree.CallExpression): Fact {
  const callee = unwrap(call.callee);
  const name = canonicalName(callee, r.find);
  // A sanitiser is trusted by its name even when it is defined in this file (`function escapeHtml(s) {...}`).
  const mask = name === null ? 0 : sanitizerMask(name, lastSegment(name));
  if (mask !== 0) return sanitizeFact(argumentsFact(r, call.arguments), mask);
  const fns = r.callees(callee);
  if (fns !== null) {
    let f = CONSTANT;
    for (const fn of fns) f = joinFacts(f, r.apply(fn, call.arguments));
    return f;
  }
  const method = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
  if (name !== null) {
    // Next's hooks, as globals in tests or imported from next/navigation.
    const hook = name.startsWith('next.') ? lastSegment(name) : name;
    const source = SOURCE_CALLS.get(hook);
    if (source !== undefined) return taintedFact(`${hook}()`, source);
    const model = functionModel(name);
    if (model !== null) {
      const f = argumentsFact(r, call.arguments);
      return model === 'string' ? sanitizeFact(f, STRING) : model === 'parse' ? unsanitizeFact(f, STRING) : f;
    }
  }
  if (method === null || callee.type !== 'MemberExpression') return UNKNOWN;
  const receiver = unwrap(callee.object);
  if (receiver.type === 'Identifier') {
    const b = r.find(receiver);
    if (b !== null && r.role(b) === 'request') {
      const safe = requestMethodInput(method);
      if (safe !== null) return taintedFact(`${receiver.name}.${method}()`, safe);
    }
  }
  if (NUMERIC_METHODS.has(method)) return CONSTANT;
  if (STRING_METHODS.has(method)) {
    let f = r.fact(receiver);
    const args = call.arguments;
    if (method === 'concat') f = joinFacts(f, argumentsFact(r, args));
    else if ((method === 'replace' || method === 'replaceAll' || method === 'padStart' || method === 'padEnd') && args[1] !== undefined) {
      f = joinFacts(f, r.fact(args[1]));
      const pattern = args[0];
      if (pattern?.type === 'Literal' && 'regex' in pattern && pattern.regex) {
        const replacement = args[1].type === 'Literal' ? args[1].value : null;
        f = sanitizeFact(f, allowListReplaceMask(pattern.regex.pattern, pattern.regex.flags, replacement));
      }
    }
    return sanitizeFact(f, STRING);
  }
  if (COLLECTION_METHODS.has(method)) return r.fact(receiver);
  // Any other method of tainted data is assumed to return data derived from it (`body.toJSON()`, `url.toString()`).
  const f = r.fact(receiver);
  return f === CONSTANT ? UNKNOWN : joinFacts(f, UNKNOWN);
}

/** What `new X(...)` returns: `URLSearchParams` of anything but a constant is input; URL, Map, ... carry their arguments. */
export function resolveNew(r: Resolver, node: TSESTree.NewExpression): Fact {
  const name = canonicalName(node.callee, r.find);
  const args = argumentsFact(r, node.arguments);
  if (name === 'URLSearchParams') return args === CONSTANT ? CONSTANT : joinFacts(args, taintedFact('new URLSearchParams()', STRING));
  if (name !== null && CARRYING_CONSTRUCTORS.has(name)) return args;
  return args === CONSTANT ? CONSTANT : UNKNOWN;
}

/** What a tagged template returns: `String.raw` keeps its values; a local tag is applied like a call; anything else is unknown. */
export function resolveTagged(r: Resolver, n: TSESTree.TaggedTemplateExpression): Fact {
  const tag = unwrap(n.tag);
  if (tag.type === 'MemberExpression' && tag.object.type === 'Identifier' && tag.object.name === 'String' && memberKey(tag) === 'raw') {
    return sanitizeFact(argumentsFact(r, n.quasi.expressions), STRING);
  }
  const fns = r.callees(tag);
  if (fns === null) return UNKNOWN;
  // A local tag receives the strings array first, then each interpolated value.
  let f = CONSTANT;
  for (const fn of fns) f = joinFacts(f, r.apply(fn, [n.quasi, ...n.quasi.expressions] as TSESTree.CallExpressionArgument[]));
  return f;
}

function argumentsFact(r: Resolver, args: readonly TSESTree.CallExpressionArgument[]): Fact {
  let f = CONSTANT;
  for (const a of args) f = joinFacts(f, r.fact(a.type === 'SpreadElement' ? a.argument : a));
  return f;
}
