import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment } from '../../ast-helpers.js';
import type { Severity } from '../../../findings/finding.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { createValueResolver, type ValueResolver } from './hardening/create-value-resolver.js';
import { credentialLiteral } from './hardening/credential-literal.js';
import { enclosingFunction } from './hardening/enclosing-function.js';
import { findProperty, hasSpread } from './hardening/find-property.js';
import { functionName } from './hardening/function-name.js';
import { createIdentifierIndex, type IdentifierIndex } from './hardening/create-identifier-index.js';
import { collectModuleBindings, type ModuleBindings } from './hardening/collect-module-bindings.js';
import { importedPath } from './hardening/imported-path.js';
import { propertyKeyName } from './hardening/property-key-name.js';
import { stepSeverity } from './hardening/step-severity.js';

type JwtCall = 'sign' | 'verify' | 'decode' | 'jose-verify' | 'jose-decode' | 'jose-sign' | 'middleware';

/** Claims whose value decides who the caller is or what they may do (not `exp`, `iat`, `iss`). */
const IDENTITY_CLAIMS = new Set(['role', 'roles', 'admin', 'isAdmin', 'is_admin', 'scope', 'scopes', 'scp', 'permissions', 'perms', 'groups', 'sub', 'userId', 'user_id', 'uid', 'id', 'tenant', 'tenantId', 'tenant_id', 'email', 'username', 'user', 'plan']);
/** Where request handlers keep the authenticated identity: `req.user`, `ctx.state.user`, `res.locals.auth`. */
const IDENTITY_TARGETS = new Set(['user', 'currentUser', 'auth', 'identity', 'principal', 'account', 'claims', 'userId', 'session', 'role', 'roles', 'permissions', 'tenant', 'tenantId']);
const AUTH_FUNCTION = /auth|verify|validate|current_?user|get_?user|identity|principal|permission|guard|protect|session/i;
/** Callee names that can be a JWT call; identifiers bound to a module are looked at too (`expressjwt`, a renamed `verify`). */
const JWT_NAMES = new Set(['sign', 'verify', 'decode', 'jwtVerify', 'decodeJwt', 'Strategy', 'JwtStrategy']);
const PUBLIC_KEY = /^-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/;

interface Issue {
  severity: Severity;
  confidence: number;
  text: string;
}

/**
 * JSON Web Token mistakes with jsonwebtoken, jose, express-jwt and passport-jwt:
 * - `'none'` in `algorithms` or as the signing `algorithm` (critical: forged tokens are accepted);
 * - `jwt.decode()`/`decodeJwt()` used as authentication: reported when the file never verifies a token
 *   AND the decoded payload drives an authorization decision (an identity claim in a condition, stored
 *   as `req.user`-like identity, or returned from an auth-named function). Decoding to read `exp` or a
 *   header `kid` before verifying is not reported;
 * - signing or verification secrets written in the code (high; a `process.env.X || 'dev'` default one
 *   grade lower);
 * - `jwt.verify()` without an `algorithms` allow-list (medium).
 */
export const jwtMisuse: StaticRule = {
  // Necessary for any finding: every finding is a jsonwebtoken, jose, express-jwt or passport-jwt call, or one on a `jwt` receiver.
  needs: ['jwt', 'JWT', 'Jwt', 'jose', 'jsonwebtoken', 'jsonWebToken'],
  doc: {
    id: 'jwt-misuse',
    title: 'JWT misuse',
    severity: 'high',
    category: 'security',
    help:
      'A JWT proves nothing until its signature is checked. `jwt.decode()` only base64-decodes it, so ' +
      'anyone can write `{"role":"admin"}` into a token; use `jwt.verify(token, key, { algorithms: ["RS256"] })` ' +
      '(or jose `jwtVerify`). Never accept `none` as an algorithm, always pin `algorithms` so a token cannot pick ' +
      'a weaker one, and load the signing secret from the environment or a secret manager: a secret in the ' +
      'repository lets anyone with read access mint valid tokens.',
  },
  create(ctx) {
    const consts = createValueResolver(ctx.taint);
    const index = createIdentifierIndex(ctx.parent);
    let bindings: ModuleBindings = new Map();
    let verifies = false;
    const decodes: TSESTree.CallExpression[] = [];
    const checks: Array<() => void> = [];
    ctx.atEnd(() => {
      checks.forEach((check) => check());
      if (verifies) return;
      for (const call of decodes) {
        const use = authUse(call, index, 0, ctx.parent);
        if (use === null) continue;
        ctx.report({
          node: call,
          message:
            `This decodes a JWT without checking its signature, and ${use}; nothing in this file verifies tokens, so anyone can ` +
            'forge one (e.g. `{"role":"admin"}`) and be trusted. Use `jwt.verify(token, key, { algorithms: [...] })` ' +
            '(jose: `jwtVerify`) and read the claims from its result.',
          confidence: 0.8,
        });
      }
    });
    const classify = (callee: TSESTree.Node): JwtCall | null => {
      // Most calls are not JWT calls: decide from the last name (or an imported identifier) before anything else.
      const tail = calleeTail(callee);
      if (tail === null || !(JWT_NAMES.has(tail) || (callee.type === 'Identifier' && bindings.has(tail)))) return null;
      return jwtCallOf(callee, bindings);
    };
    return {
      Program(node) {
        bindings = collectModuleBindings(node);
      },
      NewExpression(node) {
        if (classify(node.callee) === 'middleware') {
          verifies = true;
          checks.push(() => checkMiddleware(ctx, node, consts));
        }
      },
      CallExpression(node) {
        const kind = classify(node.callee);
        if (kind === null) return;
        if (kind === 'decode' || kind === 'jose-decode') decodes.push(node);
        else {
          if (kind === 'verify' || kind === 'jose-verify' || kind === 'middleware') verifies = true;
          checks.push(() => (kind === 'middleware' ? checkMiddleware(ctx, node, consts) : checkCall(ctx, node, kind, consts)));
        }
      },
    };
  },
};

/** What a callee is among the JWT APIs this rule knows, through imports or the usual `jwt` receiver name. */
function jwtCallOf(callee: TSESTree.Node, bindings: ModuleBindings): JwtCall | null {
  const imported = importedPath(callee, bindings);
  const last = imported?.path[imported.path.length - 1];
  if (imported) {
    if (imported.source === 'jsonwebtoken') return last === 'sign' || last === 'verify' || last === 'decode' ? last : null;
    if (imported.source === 'jose') return last === 'jwtVerify' ? 'jose-verify' : last === 'decodeJwt' ? 'jose-decode' : null;
    if (imported.source === 'express-jwt' || (imported.source === 'passport-jwt' && last === 'Strategy')) return 'middleware';
  }
  const name = calleeName(callee);
  if (name !== null && !imported) {
    const receiver = name.includes('.') ? lastSegment(name.slice(0, name.lastIndexOf('.'))) : null;
    const method = lastSegment(name);
    // Unbound receivers (a `jwt` passed in or made global) are assumed to be jsonwebtoken; a `jwt` bound to another package is not.
    if (receiver !== null && /^(?:jwt|jsonwebtoken|jsonWebToken)$/i.test(receiver) && !bindings.has(name.split('.')[0]!)) {
      if (method === 'sign' || method === 'verify' || method === 'decode') return method;
    }
  }
  // jose: new SignJWT(payload).setProtectedHeader(...).sign(key)
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'sign') {
    let n: TSESTree.Node = callee.object;
    while (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') n = n.callee.object;
    if (n.type === 'NewExpression' && calleeName(n.callee) !== null && lastSegment(calleeName(n.callee)!) === 'SignJWT') return 'jose-sign';
  }
  return null;
}

function checkCall(ctx: RuleContext, call: TSESTree.CallExpression, kind: JwtCall, consts: ValueResolver): void {
  const args = call.arguments;
  const issues: Issue[] = [];
  const keyArg = kind === 'jose-sign' ? args[0] : args[1];
  if (keyArg && keyArg.type !== 'SpreadElement') issues.push(...secretIssues(ctx, keyArg, kind === 'sign' || kind === 'jose-sign' ? 'signing' : 'verification', consts));
  const options = args[2] && args[2].type !== 'SpreadElement' ? consts.resolve(args[2]) : undefined;
  if (kind === 'sign' && options?.type === 'ObjectExpression') {
    const algorithm = findProperty(options, 'algorithm');
    if (algorithm && constantString(algorithm.value, consts)?.toLowerCase() === 'none') issues.push(noneIssue(ctx, 'signs tokens with `algorithm: "none"`, i.e. unsigned'));
  }
  if (kind === 'verify') {
    if (options === undefined || options.type === 'ArrowFunctionExpression' || options.type === 'FunctionExpression') {
      issues.push(missingAlgorithms(ctx));
    } else if (options.type === 'ObjectExpression') {
      const algorithms = findProperty(options, 'algorithms');
      if (!algorithms && !hasSpread(options)) issues.push(missingAlgorithms(ctx));
      if (algorithms && includesNone(algorithms.value, consts)) issues.push(noneIssue(ctx, 'accepts `none` in `algorithms`, so an unsigned token passes verification'));
    }
  }
  report(ctx, call, issues);
}

/** express-jwt `expressjwt({ secret, algorithms })` and passport-jwt `new Strategy({ secretOrKey, algorithms })`. */
function checkMiddleware(ctx: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, consts: ValueResolver): void {
  const options = call.arguments[0] && call.arguments[0].type !== 'SpreadElement' ? consts.resolve(call.arguments[0]) : undefined;
  if (options?.type !== 'ObjectExpression') return;
  const issues: Issue[] = [];
  const secret = findProperty(options, 'secret') ?? findProperty(options, 'secretOrKey');
  if (secret) issues.push(...secretIssues(ctx, secret.value, 'verification', consts));
  const algorithms = findProperty(options, 'algorithms');
  if (algorithms && includesNone(algorithms.value, consts)) issues.push(noneIssue(ctx, 'accepts `none` in `algorithms`, so an unsigned token passes verification'));
  report(ctx, call, issues);
}

function secretIssues(ctx: RuleContext, node: TSESTree.Node, role: 'signing' | 'verification', consts: ValueResolver): Issue[] {
  const secret = credentialLiteral(node, consts);
  if (!secret || PUBLIC_KEY.test(secret.value.trim())) return [];
  const where = secret.via ? ` (\`${secret.via}\`)` : '';
  if (secret.kind === 'fallback') {
    return [{
      severity: stepSeverity(ctx.severity, 'down'),
      confidence: 0.55,
      text: `falls back to a ${role} secret written in the code${where} when the environment does not provide one, so a misconfigured deployment accepts tokens anyone with the source can mint; fail at startup instead`,
    }];
  }
  return [{
    severity: ctx.severity,
    confidence: 0.9,
    text: `uses a ${role} secret written in the code${where}, so anyone who can read the repository can mint valid tokens; load it from the environment or a secret manager and rotate it`,
  }];
}

function noneIssue(ctx: RuleContext, text: string): Issue {
  return { severity: stepSeverity(ctx.severity, 'up'), confidence: 0.95, text };
}

function missingAlgorithms(ctx: RuleContext): Issue {
  return {
    severity: stepSeverity(ctx.severity, 'down'),
    confidence: 0.7,
    text: 'does not pin `algorithms`, so the token header chooses how it is checked; pass `{ algorithms: ["HS256"] }` (or the one algorithm you issue)',
  };
}

function includesNone(node: TSESTree.Node, consts: ValueResolver): boolean {
  const n = consts.resolve(node);
  return n.type === 'ArrayExpression' && n.elements.some((e) => e !== null && e.type !== 'SpreadElement' && constantString(e, consts)?.toLowerCase() === 'none');
}

/** One finding per call, at the gravest issue's severity, listing every issue. */
function report(ctx: RuleContext, node: TSESTree.Node, issues: Issue[]): void {
  if (issues.length === 0) return;
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  const sorted = [...issues].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const what = node.type === 'NewExpression' || calleeName((node as TSESTree.CallExpression).callee) === null ? 'This JWT call' : `\`${calleeName((node as TSESTree.CallExpression).callee)}()\``;
  ctx.report({
    node,
    message: `${what} ${sorted.map((i) => i.text).join('; it also ')}.`,
    severity: sorted[0]!.severity,
    confidence: sorted[0]!.confidence,
  });
}

/**
 * How a decoded (unverified) payload is used for authorization, in words, or null: an identity claim
 * in a condition, the payload stored as the request's identity, or returned from an auth-named function.
 * Follows a variable it is stored in once.
 */
function authUse(expr: TSESTree.Node, index: IdentifierIndex, hops: number, parent: ParentOf): string | null {
  let n = expr;
  const props: string[] = [];
  for (;;) {
    const p = parent(n);
    if (p?.type === 'MemberExpression' && p.object === n) {
      const key = propertyKeyName(p);
      if (key !== null) props.push(key);
    } else if (!(p && ((p.type === 'CallExpression' && p.callee === n) || p.type === 'ChainExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression'))) break;
    n = p;
  }
  const claim = props.find((p) => IDENTITY_CLAIMS.has(p));
  if (claim !== undefined && inCondition(n, parent)) return `its unverified \`${claim}\` claim decides a condition`;
  let v = n;
  for (;;) {
    const property = parent(v);
    const object = property?.type === 'Property' && property.value === v ? parent(property) : undefined;
    if (object?.type !== 'ObjectExpression') break;
    v = object;
  }
  const p = parent(v);
  if (p?.type === 'AssignmentExpression' && p.right === v && p.left.type === 'MemberExpression') {
    const key = propertyKeyName(p.left);
    if (key !== null && IDENTITY_TARGETS.has(key)) return `the result is stored as \`${calleeName(p.left) ?? key}\``;
  }
  if (props.length > 0 && !(props.length === 1 && props[0] === 'payload')) return null;
  if (p?.type === 'VariableDeclarator' && p.init === v && hops === 0) {
    if (p.id.type === 'Identifier') {
      for (const ref of index.referencesTo(p.id.name, enclosingFunction(p, parent), p.id)) {
        const use = authUse(ref, index, 1, parent);
        if (use !== null) return use;
      }
    } else if (p.id.type === 'ObjectPattern') {
      const key = p.id.properties.map((q) => (q.type === 'Property' ? propertyKeyName(q) : null)).find((k) => k !== null && IDENTITY_CLAIMS.has(k));
      if (key) return `its unverified \`${key}\` claim is read`;
    }
  }
  if ((p?.type === 'ReturnStatement' && p.argument === v) || (p?.type === 'ArrowFunctionExpression' && p.body === v)) {
    const fn = enclosingFunction(v, parent);
    const name = fn.type === 'Program' ? null : functionName(fn, parent);
    if (name !== null && AUTH_FUNCTION.test(name)) return `it is returned from \`${name}()\``;
  }
  return null;
}

/** True when the expression's value decides a branch: a test, a comparison, a switch. */
function inCondition(node: TSESTree.Node, parent: ParentOf): boolean {
  let n = node;
  for (let p = parent(n); p; n = p, p = parent(p)) {
    switch (p.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
        return p.test === n;
      case 'SwitchStatement':
        return p.discriminant === n;
      case 'BinaryExpression':
        if (/^(?:===|!==|==|!=|<|>|<=|>=|in|instanceof)$/.test(p.operator)) return true;
        break;
      case 'LogicalExpression':
      case 'UnaryExpression':
      case 'CallExpression':
      case 'MemberExpression':
      case 'ChainExpression':
        break;
      default:
        return false;
    }
  }
  return false;
}
