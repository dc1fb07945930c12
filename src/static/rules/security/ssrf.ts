import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { requiredModule } from '../../taint/binding.js';
import { calleeMethod, callTarget } from '../../taint/call-target.js';
import { createModuleNames } from '../../taint/create-module-names.js';
import { lowerSeverity, reportTaint } from '../../taint/report-taint.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream']);
/** Clients called directly with a URL or options: `fetch(url)`, `axios(config)`, `got(url)`, `ky(url)`. */
const CALLABLE_CLIENTS = new Set(['fetch', 'axios', 'got', 'ky', 'needle', 'superagent']);
const CLIENT_MODULES = new Set(['axios', 'got', 'ky', 'needle', 'superagent', 'undici', 'node-fetch', 'cross-fetch', 'http', 'https', 'http2']);
const NODE_HTTP = new Set(['http', 'https']);
/** The callee names the rule reads whatever the file imports, tested with one lookup. */
const KNOWN_CALLS = new Set(['fetch', ...HTTP_METHODS, ...CALLABLE_CLIENTS, ...NODE_HTTP]);
/** Option keys that carry the destination. */
const URL_KEYS = new Set(['url', 'uri', 'baseURL', 'prefixUrl', 'href', 'host', 'hostname', 'origin']);
/** A constant start that fixes scheme and host, with the input only in the path: `https://api.example.com/...`. */
const FIXED_ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\@]+[/?#]/i;
const IMPACT = 'they make your server send requests wherever they like: internal services, cloud metadata (`169.254.169.254`), other tenants';
const FIX = 'Build the URL from a fixed origin and encode the parts that vary (`encodeURIComponent`), or check the host against an allow-list before the request.';

/**
 * Server-side request forgery: user input in the URL (or `url`/`host` option) of `fetch`, axios (`axios(url)`,
 * `axios.get(url)`, `axios({ url })`), got, ky, superagent, undici `request`, Node `http(s).request/get`.
 * When a constant prefix fixes scheme and host (`` `https://api.example.com/users/${id}` ``), or the URL starts
 * with a value not from input followed by a path (`` `${API}/users/${id}` ``), the input only picks a path on
 * that host: reported one severity lower, confidence 0.6 (`../` can still reach other endpoints there).
 * Same-site relative URLs (`/api/...`, browser code) are not reported. Outgoing requests to URLs of unknown
 * origin are routine: `info` only (see `UnknownGrade`).
 */
export const ssrf: StaticRule = {
  // Necessary for any finding: every client is known by its module or global name.
  needs: ['fetch', 'axios', 'got', 'ky', 'needle', 'superagent', 'undici', 'http'],
  doc: {
    id: 'ssrf',
    title: 'Server-side request forgery (SSRF)',
    severity: 'high',
    category: 'security',
    help:
      'A request sent to a URL taken from user input goes wherever the user says: internal admin panels, ' +
      'databases on the private network, the cloud metadata endpoint that hands out credentials. Keep the ' +
      'scheme and host fixed in code and put input only in encoded path or query parts, or check the parsed ' +
      'host against an allow-list (after resolving it, to stop DNS rebinding).' +
      ' Values of unknown origin (neither constants nor traced to input) are listed at `info` with confidence 0.3: JSON and SARIF output with `min_severity: info` show them, reviews do not.',
  },
  create(ctx) {
    const imported = createModuleNames(CLIENT_MODULES);
    /** Names of client instances: `const api = axios.create({ ... })` (made on the first one). */
    let instances: Set<string> | null = null;
    const isClientName = (name: string): boolean => CALLABLE_CLIENTS.has(name) || NODE_HTTP.has(name) || imported.has(name) || (instances?.has(name) ?? false);
    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      const first = node.arguments[0];
      if (t === null || first === undefined || first.type === 'SpreadElement') return;
      const { method, receiver } = t;
      const candidate =
        receiver === null
          ? method === 'fetch' || isClientName(method)
          : (isWindow(receiver) && method === 'fetch') ||
            (HTTP_METHODS.has(method) && ((receiver.type === 'Identifier' && isClientName(receiver.name)) || isInlineRequire(receiver)));
      if (!candidate) return;
      ctx.atEnd(() => {
        const client = clientOf(ctx, receiver, node.callee, method);
        if (client === null) return;
        for (const value of destinations(ctx, first)) check(ctx, node, value, client);
      });
    };
    return {
      ImportDeclaration: imported.ImportDeclaration,
      VariableDeclarator(node) {
        const init = node.init === null ? null : unwrap(node.init);
        if (init === null || (init.type !== 'CallExpression' && init.type !== 'MemberExpression' && init.type !== 'AwaitExpression')) return;
        imported.VariableDeclarator(node);
        if (node.id.type !== 'Identifier' || init.type !== 'CallExpression') return;
        // `callTarget(init)` read in place: this runs for every `const x = f()` of the file.
        const callee = unwrap(init.callee);
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'create') return;
        const receiver = unwrap(callee.object);
        if (receiver.type === 'Identifier' && isClientName(receiver.name)) (instances ??= new Set()).add(node.id.name);
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !(KNOWN_CALLS.has(name) || imported.has(name) || (instances?.has(name) ?? false))) return;
        onCall(node);
      },
    };
  },
};

function check(ctx: RuleContext, node: TSESTree.CallExpression, value: TSESTree.Node, client: string): void {
  const prefix = ctx.taint.prefixOf(value);
  if (prefix.startsWith('/') && !prefix.startsWith('//')) return;
  const pathOnly = FIXED_ORIGIN.test(prefix) || startsWithTrustedBase(ctx, value);
  reportTaint(ctx, {
    node,
    value,
    verdict: ctx.taint.of(value, 'url'),
    sink: 'url',
    reaches: pathOnly ? `the path of a \`${client}\` request to a fixed host` : `\`${client}\` as the request URL`,
    impact: pathOnly ? 'they can reach other endpoints on that host (`../admin`), so encode it or check it' : IMPACT,
    fix: FIX,
    unknown: 'ambient',
    ...(pathOnly ? { severity: lowerSeverity(ctx.severity), confidence: 0.6 } : {}),
  });
}

/** The client a call goes to (`fetch`, `axios.get`, `https.request`), or null when it is not an HTTP client. */
function clientOf(ctx: RuleContext, receiver: TSESTree.Node | null, callee: TSESTree.Node, method: string): string | null {
  if (receiver === null) {
    const module = ctx.taint.moduleOf(callee);
    if (module !== null) return CLIENT_MODULES.has(module) ? `${module === 'undici' || NODE_HTTP.has(module) ? `${module}.` : ''}${method}` : null;
    // A global client (`fetch`, or a script-tag `axios`), not a local function of the same name.
    return ctx.taint.declarationOf(callee) === 'global' && (method === 'fetch' || CALLABLE_CLIENTS.has(method)) ? method : null;
  }
  const r = unwrap(receiver);
  if (isWindow(r)) return 'fetch';
  // `require('axios').get(url)`: the module is named right there.
  if (isInlineRequire(r)) {
    const module = requiredModule(r)!;
    return CLIENT_MODULES.has(module) ? `${module}.${method}` : null;
  }
  if (r.type !== 'Identifier') return null;
  // An instance (`axios.create()`) is judged by what created it.
  const made = ctx.taint.origin(r);
  const root = made.type === 'CallExpression' ? callTarget(made)?.receiver ?? r : r;
  const module = ctx.taint.moduleOf(root);
  const name = root.type === 'Identifier' ? root.name : '';
  if ((module !== null && CLIENT_MODULES.has(module)) || (module === null && (CALLABLE_CLIENTS.has(name) || NODE_HTTP.has(name)))) {
    return `${r.name}.${method}`;
  }
  return null;
}

/** `require('x')` or `await import('x')` itself (not a member of it) as a call's receiver. */
function isInlineRequire(receiver: TSESTree.Node): boolean {
  const r = unwrap(receiver);
  return (r.type === 'CallExpression' || r.type === 'AwaitExpression') && requiredModule(r) !== null;
}

/** The URL, or the values of the destination options of a config object (`{ url }`, `{ hostname, path }`). */
function destinations(ctx: RuleContext, arg: TSESTree.Node): TSESTree.Node[] {
  const o = ctx.taint.origin(arg);
  if (o.type !== 'ObjectExpression') return [arg];
  const out: TSESTree.Node[] = [];
  for (const p of o.properties) if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && URL_KEYS.has(p.key.name)) out.push(p.value);
  return out;
}

/** `` `${API_BASE}/users/${id}` `` or `API_BASE + '/users/' + id`, where `API_BASE` is not input: the host is not theirs. */
function startsWithTrustedBase(ctx: RuleContext, value: TSESTree.Node): boolean {
  const shape = ctx.taint.origin(value);
  if (shape.type === 'TemplateLiteral') {
    const [head, next] = shape.quasis;
    const base = shape.expressions[0];
    return head?.value.raw === '' && base !== undefined && next !== undefined && /^[/?]/.test(next.value.cooked ?? '') && ctx.taint.of(base, 'url').kind !== 'tainted';
  }
  if (shape.type === 'BinaryExpression' && shape.operator === '+') {
    const parts: TSESTree.Node[] = [];
    let cur: TSESTree.Node = shape;
    while (cur.type === 'BinaryExpression' && cur.operator === '+') {
      parts.unshift(cur.right);
      cur = cur.left;
    }
    parts.unshift(cur);
    const [base, next] = parts;
    return base !== undefined && next !== undefined && /^[/?]/.test(ctx.taint.prefixOf(next)) && ctx.taint.of(base, 'url').kind !== 'tainted';
  }
  return false;
}

function isWindow(node: TSESTree.Node): boolean {
  return node.type === 'Identifier' && (node.name === 'window' || node.name === 'globalThis' || node.name === 'self');
}
