import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { createValueResolver, type ValueResolver } from './hardening/create-value-resolver.js';
import { findProperty, hasSpread } from './hardening/find-property.js';
import { collectModuleBindings, type ModuleBindings } from './hardening/collect-module-bindings.js';
import { importedPath } from './hardening/imported-path.js';
import { nameWords } from './hardening/name-words.js';
import { stepSeverity } from './hardening/step-severity.js';

/** Words in a cookie's name (or value's name) that make it a session or auth cookie. */
const AUTH_WORDS = new Set(['session', 'sess', 'sid', 'token', 'auth', 'jwt', 'access', 'refresh', 'remember', 'login', 'identity', 'credential', 'credentials', 'sso']);
/** CSRF double-submit cookies must stay readable by the page, so only Secure applies to them. */
const CSRF_WORDS = new Set(['csrf', 'xsrf']);
const RESPONSE_NAMES = /^(?:res|response|resp|reply|ctx\.res)$/;
const SESSION_PACKAGES = new Set(['express-session', 'cookie-session']);

type Flag = 'httpOnly' | 'secure' | 'sameSite';

/**
 * Session and auth cookies without protective flags: `res.cookie()` (Express), `reply.setCookie()`
 * (Fastify), `cookies().set()` / `response.cookies.set()` (Next.js) and `ctx.cookies.set()` (Koa, where
 * HttpOnly is the default) missing `httpOnly`/`secure` (medium) or only `sameSite` (low, browsers
 * default to Lax); `express-session`/`cookie-session` with `secure: false` or `httpOnly: false`;
 * `sameSite: 'none'` without `secure` (with a committable fix); and session cookies written through
 * `document.cookie` without `Secure`.
 */
export const insecureCookie: StaticRule = {
  // Necessary for any finding: cookie setters, `document.cookie` and the session packages.
  needs: ['cookie', 'Cookie', 'session', 'Session'],
  doc: {
    id: 'insecure-cookie',
    title: 'Session cookie without protective flags',
    severity: 'medium',
    category: 'security',
    help:
      'A session cookie is the user\'s login. Without `HttpOnly` any injected script can read and exfiltrate ' +
      'it; without `Secure` it is sent over plain HTTP where the network can read it; without `SameSite` it ' +
      'rides along on cross-site requests (CSRF). Set them together: ' +
      '`res.cookie("sid", id, { httpOnly: true, secure: true, sameSite: "lax" })`. `SameSite=None` requires ' +
      '`Secure` (browsers drop the cookie otherwise). Session tokens should be set by the server, never via ' +
      '`document.cookie`, which cannot set `HttpOnly`.',
  },
  create(ctx) {
    const consts = createValueResolver(ctx.taint);
    let program: TSESTree.Program | null = null;
    let bindings: ModuleBindings | null = null;
    const deferred: Array<() => void> = [];
    ctx.atEnd(() => deferred.forEach((fn) => fn()));
    return {
      Program(node) {
        program = node;
      },
      CallExpression(node) {
        const tail = calleeTail(node.callee);
        if (tail === 'cookie' || tail === 'setCookie' || tail === 'set') {
          const setter = cookieSetter(node);
          if (setter) deferred.push(() => checkSetCookie(ctx, node, setter, consts));
        } else if (node.callee.type === 'Identifier') {
          bindings ??= program ? collectModuleBindings(program) : new Map();
          if (isSessionMiddleware(node, bindings)) deferred.push(() => checkSessionOptions(ctx, node, consts));
        }
      },
      AssignmentExpression(node) {
        if (node.left.type === 'MemberExpression' && calleeTail(node.left) === 'cookie' && /^(?:(?:window\.)?document)\.cookie$/.test(calleeName(node.left) ?? '')) {
          deferred.push(() => checkDocumentCookie(ctx, node, consts));
        }
      },
    };
  },
};

interface CookieSetter {
  /** Index of the name argument (the value follows it, then the options). */
  nameIndex: number;
  /** Koa's cookies default to HttpOnly. */
  httpOnlyByDefault: boolean;
}

/** Express/Fastify/Next.js/Koa calls that set one cookie, or null. */
function cookieSetter(call: TSESTree.CallExpression): CookieSetter | null {
  if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.property.type !== 'Identifier') return null;
  const method = call.callee.property.name;
  const object = call.callee.object;
  const receiver = calleeName(object);
  if (method === 'cookie' && receiver !== null && RESPONSE_NAMES.test(receiver.replace(/^this\./, ''))) return { nameIndex: 0, httpOnlyByDefault: false };
  if (method === 'setCookie' && receiver !== null && /(?:^|\.)(?:reply|res|response)$/.test(receiver)) return { nameIndex: 0, httpOnlyByDefault: false };
  if (method !== 'set') return null;
  // cookies().set(...) and (await cookies()).set(...) in Next.js
  const inner = unwrap(object.type === 'AwaitExpression' ? object.argument : object);
  if (inner.type === 'CallExpression' && calleeName(inner.callee) === 'cookies') return { nameIndex: 0, httpOnlyByDefault: false };
  if (receiver === null) return null;
  if (/^(?:ctx|context)\.cookies$/.test(receiver)) return { nameIndex: 0, httpOnlyByDefault: true };
  if (/(?:^|\.)cookies$/.test(receiver) || /^cookieStore$/.test(receiver)) return { nameIndex: 0, httpOnlyByDefault: false };
  return null;
}

function isSessionMiddleware(call: TSESTree.CallExpression, bindings: ModuleBindings): boolean {
  const source = importedPath(call.callee, bindings)?.source;
  if (source !== undefined) return SESSION_PACKAGES.has(source);
  const name = calleeName(call.callee);
  return name === 'session' || name === 'expressSession' || name === 'cookieSession';
}

function checkSetCookie(ctx: RuleContext, call: TSESTree.CallExpression, setter: CookieSetter, consts: ValueResolver): void {
  const args = call.arguments;
  let nameArg = args[setter.nameIndex];
  let valueArg = args[setter.nameIndex + 1];
  let optionsArg: TSESTree.Node | undefined = args[setter.nameIndex + 2];
  if (nameArg && nameArg.type === 'ObjectExpression' && args.length === 1) {
    // Next.js object form: cookies().set({ name, value, httpOnly, ... })
    optionsArg = nameArg;
    valueArg = findProperty(nameArg, 'value')?.value as TSESTree.CallExpressionArgument | undefined;
    nameArg = findProperty(nameArg, 'name')?.value as TSESTree.CallExpressionArgument | undefined;
  }
  if (!nameArg || nameArg.type === 'SpreadElement') return;
  const cookieName = constantString(nameArg, consts);
  const words = [...nameWords(cookieName ?? ''), ...(valueArg && valueArg.type !== 'SpreadElement' ? valueNameWords(valueArg) : [])];
  const csrf = words.some((w) => CSRF_WORDS.has(w));
  if (!csrf && !words.some((w) => AUTH_WORDS.has(w))) return;
  let options: TSESTree.ObjectExpression | null = null;
  if (optionsArg && optionsArg.type !== 'SpreadElement') {
    const resolved = consts.resolve(optionsArg);
    if (resolved.type !== 'ObjectExpression') return; // options built elsewhere: cannot tell
    options = resolved;
  }
  const spread = options !== null && hasSpread(options);
  const state = (flag: Flag): 'on' | 'off' | 'missing' | 'set' => {
    const p = options && findProperty(options, flag);
    if (!p) return 'missing';
    const v = unwrap(p.value);
    if (v.type === 'Literal') return v.value === false ? 'off' : v.value === true ? 'on' : 'set';
    return 'set'; // e.g. secure: process.env.NODE_ENV === 'production'
  };
  const missing: Flag[] = [];
  const httpOnly = state('httpOnly');
  if (!csrf && (httpOnly === 'off' || (httpOnly === 'missing' && !setter.httpOnlyByDefault && !spread))) missing.push('httpOnly');
  const secure = state('secure');
  if (secure === 'off' || (secure === 'missing' && !spread)) missing.push('secure');
  const sameSiteProp = options ? findProperty(options, 'sameSite') : undefined;
  const sameSiteNone = sameSiteProp !== undefined && constantString(sameSiteProp.value)?.toLowerCase() === 'none';
  if (!sameSiteProp && !spread) missing.push('sameSite');
  if (missing.length === 0) return;
  const label = cookieName !== null ? `the \`${cookieName}\` cookie` : 'this auth cookie';
  const onlySameSite = missing.length === 1 && missing[0] === 'sameSite';
  const noneFix = sameSiteNone && missing.length === 1 && missing[0] === 'secure' && sameSiteProp ? secureFix(ctx, call, sameSiteProp, options!) : undefined;
  ctx.report({
    node: call,
    message:
      `${capitalise(label)} is set without ${missing.map((f) => `\`${f}: ${f === 'sameSite' ? '"lax"' : 'true'}\``).join(', ')}. ` +
      missing.map(explain).join(' ') +
      (sameSiteNone && missing.includes('secure') ? ' Browsers also drop `SameSite=None` cookies that are not `Secure`.' : ''),
    severity: onlySameSite ? stepSeverity(ctx.severity, 'down') : ctx.severity,
    confidence: onlySameSite ? 0.6 : cookieName !== null ? 0.8 : 0.7,
    ...(noneFix !== undefined ? { suggestion: noneFix } : {}),
  });
}

/** express-session `{ cookie: { secure: false } }`, cookie-session `{ httpOnly: false }`, and SameSite=None without Secure. */
function checkSessionOptions(ctx: RuleContext, call: TSESTree.CallExpression, consts: ValueResolver): void {
  const first = call.arguments[0];
  if (!first || first.type === 'SpreadElement') return;
  const options = consts.resolve(first);
  if (options.type !== 'ObjectExpression') return;
  const cookieProp = findProperty(options, 'cookie');
  const cookie = cookieProp ? consts.resolve(cookieProp.value) : options;
  if (cookie.type !== 'ObjectExpression') return;
  for (const flag of ['httpOnly', 'secure'] as const) {
    const p = findProperty(cookie, flag);
    const v = p && unwrap(p.value);
    if (p && v?.type === 'Literal' && v.value === false) {
      ctx.report({ node: p, message: `The session cookie is configured with \`${flag}: false\`. ${explain(flag)}`, confidence: 0.85 });
    }
  }
  const sameSite = findProperty(cookie, 'sameSite');
  const secure = findProperty(cookie, 'secure');
  if (sameSite && constantString(sameSite.value)?.toLowerCase() === 'none' && !secure) {
    ctx.report({
      node: sameSite,
      message: 'The session cookie is `SameSite=None` without `secure: true`: browsers drop such cookies, and over HTTP the session would be readable on the network. Add `secure: true`.',
      confidence: 0.85,
      suggestion: secureFix(ctx, sameSite, sameSite, cookie),
    });
  }
}

/** `document.cookie = 'session=' + token` without `Secure`: readable by any script, and sent over HTTP. */
function checkDocumentCookie(ctx: RuleContext, node: TSESTree.AssignmentExpression, consts: ValueResolver): void {
  const parts = constantParts(node.right, consts);
  const first = parts[0] ?? '';
  const name = first.includes('=') ? first.slice(0, first.indexOf('=')).trim() : null;
  if (name === null || !nameWords(name).some((w) => AUTH_WORDS.has(w))) return;
  if (parts.some((p) => /;\s*secure\b/i.test(p))) return;
  ctx.report({
    node,
    message:
      `The \`${name}\` cookie is written from JavaScript without \`Secure\`, so it also travels over plain HTTP, and a cookie set ` +
      'by script can never be `HttpOnly`, so any injected script can read it. Set session cookies from the server with ' +
      '`HttpOnly; Secure; SameSite=Lax`; if it must be set here, append `; Secure; SameSite=Lax`.',
    confidence: 0.75,
  });
}

/** The constant pieces of a string expression, in order: `'sid=' + v + '; path=/'` -> ['sid=', '; path=/']. */
function constantParts(node: TSESTree.Node, consts: ValueResolver): string[] {
  const n = unwrap(node);
  const whole = constantString(n, consts);
  if (whole !== null) return [whole];
  if (n.type === 'BinaryExpression' && n.operator === '+') return [...constantParts(n.left, consts), ...constantParts(n.right, consts)];
  if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked ?? '').filter((q) => q !== '');
  return [];
}

function valueNameWords(node: TSESTree.Node): string[] {
  const name = calleeName(unwrap(node));
  return name === null ? [] : nameWords(lastSegment(name));
}

/**
 * The report node's lines with `secure: true` added after `sameSite: 'none'` (or `secure: false` turned
 * to true). Exact because a `SameSite=None` cookie without `Secure` is already rejected by browsers, so
 * adding `Secure` cannot break a cookie that works today.
 */
function secureFix(ctx: RuleContext, reportNode: TSESTree.Node, sameSite: TSESTree.Property, options: TSESTree.ObjectExpression): string | undefined {
  if (sameSite.range[0] < reportNode.range[0] || sameSite.range[1] > reportNode.range[1]) return undefined; // options declared elsewhere
  const secure = findProperty(options, 'secure');
  const first = reportNode.loc.start.line;
  const block = ctx.lines.slice(first - 1, reportNode.loc.end.line);
  const at = (loc: TSESTree.Position): number => block.slice(0, loc.line - first).reduce((n, l) => n + l.length + 1, 0) + loc.column;
  const text = block.join('\n');
  if (secure) {
    const v = unwrap(secure.value);
    if (v.type !== 'Literal' || v.value !== false) return undefined;
    return text.slice(0, at(v.loc.start)) + 'true' + text.slice(at(v.loc.end));
  }
  const end = at(sameSite.loc.end);
  return `${text.slice(0, end)}, secure: true${text.slice(end)}`;
}

function explain(flag: Flag): string {
  return {
    httpOnly: 'Without HttpOnly any script on the page (one XSS is enough) can read the cookie and take over the session.',
    secure: 'Without Secure the browser also sends it over plain HTTP, where anyone on the network can read it.',
    sameSite: 'Without SameSite it is sent on cross-site requests, which is what CSRF relies on.',
  }[flag];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
