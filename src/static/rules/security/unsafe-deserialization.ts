import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { findProperty } from './hardening/find-property.js';
import { collectModuleBindings, type ModuleBindings } from './hardening/collect-module-bindings.js';
import { importedPath } from './hardening/imported-path.js';
import { sinkVerdict } from './hardening/sink-verdict.js';

/** A deserialiser that can run code or build arbitrary objects, and why. */
interface Deserializer {
  what: string;
  why: string;
}

/** module -> function (last path segment) -> why it is unsafe. */
const UNSAFE: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['node-serialize', new Map([['unserialize', 'revives functions by evaluating `_$$ND_FUNC$$_` strings, so a payload with an IIFE runs code on load (CVE-2017-5941)']])],
  ['serialize-to-js', new Map([['deserialize', 'evaluates its input as JavaScript']])],
  ['funcster', new Map([['deepDeserialize', 'compiles serialised functions in a `vm` context that can reach the host'], ['deserialize', 'compiles serialised functions in a `vm` context that can reach the host']])],
  ['cryo', new Map([['parse', 'revives functions and prototypes from its input (CVE-2018-3784)']])],
  ['php-serialize', new Map([['unserialize', 'instantiates classes named in its input, with attacker-chosen properties (object injection)']])],
  ['php-unserialize', new Map([['unserialize', 'instantiates objects described by its input (object injection)']])],
  ['locutus/php/var/unserialize', new Map([['*', 'rebuilds PHP objects described by its input (object injection)']])],
  ['v8', new Map([['deserialize', 'reconstructs engine-internal objects from raw bytes; malformed input can crash the process or worse']])],
]);

/** Callee names that can be one of the deserialisers below (or an identifier imported from their packages). */
const DESERIALIZER_NAMES = new Set(['unserialize', 'deserialize', 'deepDeserialize', 'parse', 'load', 'loadAll', 'unsafeLoad', 'unsafeLoadAll', 'Deserializer']);

/**
 * Deserialisers that execute code or build attacker-chosen objects, fed a value that is not a constant:
 * node-serialize `unserialize`, serialize-to-js/funcster/cryo, PHP-style `unserialize`, `v8.deserialize`,
 * js-yaml `load` with the full schema (or `unsafeLoad`), and `BSON.deserialize` with `evalFunctions: true`.
 * Critical when the data is traced to user input, one grade lower when its origin is unknown.
 * `eval`-based parsing is left to code-injection, and serialize-javascript (a serialiser) is not reported.
 */
export const unsafeDeserialization: StaticRule = {
  // Necessary for any finding: the deserialisers are known by their packages or conventional receivers.
  needs: ['serialize', 'funcster', 'cryo', 'v8', 'yaml', 'Yaml', 'bson', 'BSON', 'mongodb'],
  doc: {
    id: 'unsafe-deserialization',
    title: 'Unsafe deserialization',
    severity: 'critical',
    category: 'security',
    help:
      'Some deserialisers rebuild functions, classes or engine objects from the data they read: whoever ' +
      'writes that data runs code in your process. Exchange plain data: `JSON.parse` and validate the result ' +
      '(zod), `yaml.load` with the default (safe) schema of js-yaml 4, `BSON.deserialize` without ' +
      '`evalFunctions`. Never deserialise functions.',
  },
  create(ctx) {
    let program: TSESTree.Program | null = null;
    let bindings: ModuleBindings | null = null;
    const moduleBindings = (): ModuleBindings => (bindings ??= program ? collectModuleBindings(program) : new Map());
    const sinks: Array<{ call: TSESTree.Node; data: TSESTree.Node; deserializer: Deserializer }> = [];
    ctx.atEnd(() => {
      for (const { call, data, deserializer } of sinks) report(ctx, call, data, deserializer);
    });
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const data = node.arguments[0];
      if (!data || data.type === 'SpreadElement') return;
      const tail = calleeTail(node.callee);
      if (tail === null || !(DESERIALIZER_NAMES.has(tail) || (node.callee.type === 'Identifier' && moduleBindings().has(tail)))) return;
      const deserializer = deserializerOf(node, moduleBindings());
      if (deserializer) sinks.push({ call: node, data, deserializer });
    };
    return {
      Program(node) {
        program = node;
      },
      CallExpression: check,
      NewExpression: check,
    };
  },
};

function deserializerOf(call: TSESTree.CallExpression | TSESTree.NewExpression, bindings: ModuleBindings): Deserializer | null {
  const imported = importedPath(call.callee, bindings);
  const name = calleeName(call.callee);
  if (imported) {
    const fn = imported.path[imported.path.length - 1] ?? '*';
    const shown = name ?? fn;
    const why = UNSAFE.get(imported.source)?.get(imported.path.length === 0 ? '*' : fn);
    if (why && (call.type === 'CallExpression' || fn === 'Deserializer')) return { what: `\`${shown}()\``, why };
    if (imported.source === 'v8' && fn === 'Deserializer') return { what: '`new v8.Deserializer()`', why: UNSAFE.get('v8')!.get('deserialize')! };
    if (imported.source === 'js-yaml') return yamlDeserializer(call, fn, shown);
    if ((imported.source === 'bson' || imported.source === 'mongodb') && fn === 'deserialize') return bsonDeserializer(call, shown);
    return null;
  }
  if (name === null) return null;
  // Unbound receivers with the conventional names of these packages.
  const receiver = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  const fn = lastSegment(name);
  if (/^(?:yaml|jsYaml|jsyaml)$/.test(receiver)) return yamlDeserializer(call, fn, name);
  if (/^(?:BSON|bson)$/.test(lastSegment(receiver)) && fn === 'deserialize') return bsonDeserializer(call, name);
  if (receiver === 'v8' && fn === 'deserialize') return { what: '`v8.deserialize()`', why: UNSAFE.get('v8')!.get('deserialize')! };
  return null;
}

/** js-yaml: `unsafeLoad`, or `load`/`loadAll` with `DEFAULT_FULL_SCHEMA` (js-yaml 3, where it revives `!!js/function`). */
function yamlDeserializer(call: TSESTree.CallExpression | TSESTree.NewExpression, fn: string, shown: string): Deserializer | null {
  const why = 'revives `!!js/function` and other JavaScript types from the document, so a YAML file can carry code that runs when it is used';
  if (fn === 'unsafeLoad' || fn === 'unsafeLoadAll') return { what: `\`${shown}()\``, why };
  if (fn !== 'load' && fn !== 'loadAll') return null;
  const options = call.arguments.find((a) => a.type === 'ObjectExpression');
  const schema = options?.type === 'ObjectExpression' ? findProperty(options, 'schema') : undefined;
  const schemaName = schema ? calleeName(unwrap(schema.value)) : null;
  return schemaName !== null && /(?:^|\.)DEFAULT_FULL_SCHEMA$/.test(schemaName) ? { what: `\`${shown}()\` with \`DEFAULT_FULL_SCHEMA\``, why } : null;
}

/** `BSON.deserialize(buffer, { evalFunctions: true })`. */
function bsonDeserializer(call: TSESTree.CallExpression | TSESTree.NewExpression, shown: string): Deserializer | null {
  const options = call.arguments[1];
  const flag = options?.type === 'ObjectExpression' ? findProperty(options, 'evalFunctions') : undefined;
  const v = flag && unwrap(flag.value);
  return v?.type === 'Literal' && v.value === true
    ? { what: `\`${shown}()\` with \`evalFunctions: true\``, why: 'turns serialised JavaScript functions back into callable code with `new Function`' }
    : null;
}

function report(ctx: RuleContext, call: TSESTree.Node, data: TSESTree.Node, deserializer: Deserializer): void {
  const verdict = sinkVerdict(ctx, data);
  if (!verdict) return;
  ctx.report({
    node: call,
    message:
      `${deserializer.what} ${deserializer.why}. ${verdict.origin} ` +
      'Exchange plain data instead: `JSON.parse` and validate the result (e.g. with zod).',
    severity: verdict.severity,
    confidence: verdict.confidence,
  });
}
