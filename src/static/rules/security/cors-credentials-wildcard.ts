import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { enclosingFunction, isFunctionNode, type FunctionNode } from './hardening/enclosing-function.js';
import { findProperty, hasSpread } from './hardening/find-property.js';
import { collectModuleBindings, type ModuleBindings } from './hardening/collect-module-bindings.js';
import { importedPath } from './hardening/imported-path.js';
import { propertyKeyName } from './hardening/property-key-name.js';
import { stepSeverity } from './hardening/step-severity.js';

const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
const HEADER_SETTERS = new Set(['setHeader', 'header', 'set', 'append', 'appendHeader']);
/** Methods that check a value against a list or pattern. */
const LOOKUPS = new Set(['includes', 'has', 'test', 'indexOf', 'some', 'find', 'match', 'endsWith', 'startsWith']);
/** CORS packages whose default `origin` (when the option is left out) reflects the caller's origin. */
const REFLECTING_DEFAULT = new Set(['@koa/cors', 'koa-cors', 'koa2-cors']);
/** CORS packages whose default `origin` is `*`. */
const WILDCARD_DEFAULT = new Set(['cors', '@fastify/cors', 'fastify-cors']);

/** What an allowed origin amounts to: any site (`reflect`, `null`) or the literal `*`. */
type OriginKind = 'reflect' | 'null' | 'wildcard';

interface HeaderFrame {
  origins: Array<{ node: TSESTree.Node; kind: OriginKind; value: TSESTree.Node }>;
  credentials: boolean;
}

/**
 * CORS that lets other sites make credentialed requests: a `cors()`-style options object with
 * `credentials: true` and an origin that accepts every site (`true`, a reflecting callback, a catch-all
 * regex, the request's own `Origin`, or a package default that reflects), and hand-written
 * `Access-Control-Allow-Origin` headers that reflect the request origin (unchecked) or `null` next to
 * `Access-Control-Allow-Credentials: true` in the same function. `*` with credentials is reported one
 * grade lower: browsers refuse that combination, so it is broken rather than open, and the usual
 * "fix" (reflecting the origin) is the dangerous one.
 */
export const corsCredentialsWildcard: StaticRule = {
  // Necessary for any finding: every finding needs `credentials: true` or an `Allow-Credentials` header.
  needs: ['credentials', 'Credentials', 'CREDENTIALS'],
  doc: {
    id: 'cors-credentials-wildcard',
    title: 'CORS allows any origin with credentials',
    severity: 'high',
    category: 'security',
    help:
      'With `Access-Control-Allow-Credentials: true`, the allowed origin decides which sites can read ' +
      'responses made with the user\'s cookies. Reflecting the request\'s `Origin` (or `origin: true`) lets ' +
      'any website read them: a page the user visits can fetch their account data. Allow a fixed list: ' +
      '`cors({ origin: ["https://app.example.com"], credentials: true })`, or compare `req.headers.origin` ' +
      'against an allow-list before echoing it. `*` with credentials is refused by browsers; list the ' +
      'origins rather than reflecting.',
  },
  create(ctx) {
    let program: TSESTree.Program | null = null;
    let bindings: ModuleBindings | null = null;
    const moduleBindings = (): ModuleBindings => (bindings ??= program ? collectModuleBindings(program) : new Map());
    /** Local names holding the request's Origin header: `const origin = req.headers.origin`. */
    const originNames = new Set<string>();
    /** CORS header facts per function (or the program), made only for functions that set such a header. */
    const frames = new Map<TSESTree.Node, HeaderFrame>();
    /** Expressions compared or looked up anywhere in the file; an allow-list check of the origin is one of them. */
    const compared: TSESTree.Node[] = [];
    const recordHeader = (name: string, value: TSESTree.Node, node: TSESTree.Node): void => {
      if (name.length !== ALLOW_ORIGIN.length && name.length !== ALLOW_CREDENTIALS.length) return;
      const header = name.toLowerCase();
      if (header !== ALLOW_ORIGIN && header !== ALLOW_CREDENTIALS) return;
      const owner = enclosingFunction(node, ctx.parent);
      let frame = frames.get(owner);
      if (!frame) frames.set(owner, (frame = { origins: [], credentials: false }));
      if (header === ALLOW_CREDENTIALS) {
        if (isTrue(value)) frame.credentials = true;
      } else {
        const kind = headerOriginKind(value, originNames);
        if (kind) frame.origins.push({ node, kind, value });
      }
    };
    ctx.atEnd(() => {
      for (const [owner, frame] of frames) judgeHeaders(ctx, owner, frame, compared);
    });
    return {
      Program(node) {
        program = node;
      },
      ObjectExpression(node) {
        const credentials = findProperty(node, 'credentials');
        if (credentials && isTrue(credentials.value)) checkOptions(ctx, node, credentials, moduleBindings());
      },
      Property(node) {
        const key = propertyKeyName(node);
        if (key !== null && ctx.parent(node)?.type === 'ObjectExpression') recordHeader(key, node.value, node);
      },
      CallExpression(node) {
        const tail = calleeTail(node.callee);
        if (tail === null) return;
        const [first, second] = node.arguments;
        if (HEADER_SETTERS.has(tail) && first && second && second.type !== 'SpreadElement') {
          const header = constantString(first);
          if (header !== null) recordHeader(header, second, node);
        } else if (LOOKUPS.has(tail) && node.callee.type === 'MemberExpression') {
          // An allow-list lookup: allowed.includes(origin), ALLOWED.has(origin), /re/.test(origin)
          compared.push(node.callee.object, ...node.arguments);
        }
      },
      BinaryExpression(node) {
        if (node.operator === '===' || node.operator === '!==' || node.operator === '==' || node.operator === '!=') compared.push(node.left, node.right);
      },
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && node.init && isRequestOrigin(node.init)) originNames.add(node.id.name);
      },
    };
  },
};

/**
 * Reports the origins a function allows next to `Allow-Credentials: true`, unless a reflected origin is
 * compared or looked up somewhere inside that function (an allow-list check, possibly in a callback).
 */
function judgeHeaders(ctx: RuleContext, owner: TSESTree.Node, frame: HeaderFrame, compared: readonly TSESTree.Node[]): void {
  if (!frame.credentials) return;
  const [from, to] = owner.range;
  for (const { node, kind, value } of frame.origins) {
    const path = memberPath(value);
    if (kind === 'reflect' && path !== null && compared.some((c) => c.range[0] >= from && c.range[1] <= to && memberPath(c) === path)) continue;
    report(ctx, node, kind, 'The `Access-Control-Allow-Origin` header');
  }
}

/** A `cors()`-style options object with `credentials: true`: judge its `origin`. */
function checkOptions(ctx: RuleContext, options: TSESTree.ObjectExpression, credentials: TSESTree.Property, bindings: ModuleBindings): void {
  const origin = findProperty(options, 'origin');
  if (origin) {
    const kind = optionOriginKind(origin.value);
    if (kind) report(ctx, origin, kind, `\`origin: ${describe(origin.value)}\``);
    return;
  }
  if (hasSpread(options)) return;
  const call = ctx.parent(options);
  if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || !call.arguments.includes(options)) return;
  // fastify.register(cors, { credentials: true }) names the plugin in the first argument.
  const plugin = call.callee.type === 'MemberExpression' && propertyKeyName(call.callee) === 'register' ? call.arguments[0] : call.callee;
  const source = plugin ? importedPath(plugin, bindings)?.source : undefined;
  if (source !== undefined && REFLECTING_DEFAULT.has(source)) report(ctx, credentials, 'reflect', `\`${source}\` without an \`origin\` option (it echoes the request's Origin)`);
  else if (source !== undefined && WILDCARD_DEFAULT.has(source)) report(ctx, credentials, 'wildcard', `\`${source}\` without an \`origin\` option (it sends \`*\`)`);
}

function report(ctx: RuleContext, node: TSESTree.Node, kind: OriginKind, what: string): void {
  if (kind === 'wildcard') {
    ctx.report({
      node,
      message:
        `${what} together with credentials: browsers refuse \`*\` on credentialed requests, so this does not work, and the ` +
        'common workaround (echoing the request Origin) opens the API to every site. List the allowed origins instead: ' +
        '`origin: ["https://app.example.com"]`.',
      severity: stepSeverity(ctx.severity, 'down'),
      confidence: 0.8,
    });
    return;
  }
  const who = kind === 'null' ? 'the `null` origin (sandboxed iframes and `data:` pages can send it)' : 'every origin';
  ctx.report({
    node,
    message:
      `${what} allows ${who} together with credentials, so any website the user visits can make requests with their cookies ` +
      'and read the responses. Allow a fixed list (`origin: ["https://app.example.com"]`) or check the request origin against ' +
      'an allow-list before echoing it.',
    confidence: 0.85,
  });
}

/** What a cors-package `origin` option allows, or null for a specific origin or list. */
function optionOriginKind(node: TSESTree.Node): OriginKind | null {
  const n = unwrap(node);
  if (n.type === 'Literal') {
    if (n.value === true) return 'reflect';
    if (n.value === '*') return 'wildcard';
    if (n.value === 'null') return 'null';
    if ('regex' in n && n.regex) return matchesAnything(n.regex.pattern, n.regex.flags) ? 'reflect' : null;
    return null;
  }
  if (isRequestOrigin(n)) return 'reflect';
  if (isFunctionNode(n) && acceptsAnyOrigin(n)) return 'reflect';
  return null;
}

/** What a hand-written `Access-Control-Allow-Origin` value allows, or null for a fixed origin or an unknown value. */
function headerOriginKind(node: TSESTree.Node, originNames: ReadonlySet<string>): OriginKind | null {
  const n = unwrap(node);
  const text = constantString(n);
  if (text !== null) return text.trim() === '*' ? 'wildcard' : text.trim() === 'null' ? 'null' : null;
  return isRequestOrigin(n) || (n.type === 'Identifier' && originNames.has(n.name)) ? 'reflect' : null;
}

/** `req.headers.origin`, `req.headers['origin']`, `req.header('Origin')`, `ctx.get('origin')`, `request.headers.get('origin')`. */
function isRequestOrigin(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'MemberExpression') {
    return propertyKeyName(n)?.toLowerCase() === 'origin' && n.object.type === 'MemberExpression' && /^headers?$/.test(propertyKeyName(n.object) ?? '');
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    const method = propertyKeyName(n.callee);
    const arg = n.arguments[0];
    return (method === 'get' || method === 'header' || method === 'getHeader') && arg !== undefined && constantString(arg)?.toLowerCase() === 'origin';
  }
  return false;
}

/**
 * A cors `origin` callback that lets every origin through: `(origin, cb) => cb(null, true)`,
 * `cb(null, origin)`, or one that returns `true` or the request's origin on its only path.
 */
function acceptsAnyOrigin(fn: FunctionNode): boolean {
  const body = fn.body.type === 'BlockStatement' ? fn.body.body : [fn.body];
  if (body.length !== 1) return false;
  const only = body[0]!;
  const expr = only.type === 'ExpressionStatement' ? only.expression : only.type === 'ReturnStatement' ? only.argument : only.type.endsWith('Statement') ? null : (only as TSESTree.Expression);
  if (!expr) return false;
  const first = fn.params[0];
  const isFirstParam = (n: TSESTree.Node): boolean => first?.type === 'Identifier' && n.type === 'Identifier' && n.name === first.name;
  const allows = (n: TSESTree.Node): boolean => (n.type === 'Literal' && n.value === true) || isFirstParam(n) || isRequestOrigin(n);
  const e = unwrap(expr);
  if (e.type === 'CallExpression') {
    const second = e.arguments[1];
    return e.arguments[0]?.type === 'Literal' && e.arguments[0].value === null && second !== undefined && allows(second);
  }
  return allows(e);
}

/** True when a regex accepts any origin: it matches two unrelated made-up origins. */
function matchesAnything(pattern: string, flags: string): boolean {
  try {
    const re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
    return re.test('https://attacker.invalid') && re.test('http://x.test');
  } catch {
    return false;
  }
}

/** A stable text for an expression made of names and member accesses (`req.headers.origin`), or null. */
function memberPath(node: TSESTree.Node): string | null {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression') {
    const object = memberPath(n.object);
    const key = propertyKeyName(n);
    return object === null || key === null ? null : `${object}.${key.toLowerCase()}`;
  }
  if (n.type === 'CallExpression' && isRequestOrigin(n)) {
    const callee = memberPath(n.callee);
    return callee === null ? null : `${callee}(origin)`;
  }
  return null;
}

function isTrue(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return n.type === 'Literal' && (n.value === true || n.value === 'true');
}

function describe(node: TSESTree.Node): string {
  const n = unwrap(node);
  if (n.type === 'Literal') return n.raw;
  if (isFunctionNode(n)) return 'a callback that accepts every origin';
  return calleeName(n) ?? 'the request origin';
}
