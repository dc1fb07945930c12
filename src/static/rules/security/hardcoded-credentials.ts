import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, unwrap } from '../../ast-helpers.js';
import { scanSecrets } from '../../secrets/index.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { createValueResolver, type ValueResolver } from './hardening/create-value-resolver.js';
import { credentialLiteral, type CredentialLiteral } from './hardening/credential-literal.js';
import { findProperty } from './hardening/find-property.js';
import { collectModuleBindings, importsAnyOf, type ModuleBindings } from './hardening/collect-module-bindings.js';
import { importedPath } from './hardening/imported-path.js';
import { nameWords } from './hardening/name-words.js';
import { propertyKeyName } from './hardening/property-key-name.js';
import { stepSeverity } from './hardening/step-severity.js';

/** Client factories and constructors whose options carry a password: database, cache, mail, ORM. */
const CONNECTORS = new Set([
  'createConnection', 'createPool', 'createPoolCluster', 'createClient', 'createTransport', 'Pool', 'Client', 'Sequelize',
  'knex', 'Knex', 'Redis', 'Cluster', 'MongoClient', 'DataSource', 'ConnectionPool', 'Connection', 'connect',
]);
/** Keys that hold a password; `pass` is nodemailer's. */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
/** Keys beside a password that make a bare `connect({...})` a connection. */
const CONNECTION_KEYS = ['host', 'hostname', 'user', 'username', 'port', 'database', 'server'];
const SESSION_PACKAGES = new Set(['express-session', 'cookie-session', 'koa-session', 'cookie-parser']);
const NO_BINDINGS: ModuleBindings = new Map();
const BASIC_HEADER = /^Basic\s+([A-Za-z0-9+/]{4,}={0,2})$/i;
/** A decoded Basic token that holds a user and a password. */
const DECODED_PAIR = /^[^:\s]+:\S+$/;
/** A constant `user:password` about to be encoded. */
const USER_PAIR = /^[^:\s/]+:[^\s]+$/;
const BTOA = /^(?:window\.|globalThis\.)?btoa$/;

/**
 * Credentials written as literals into the calls that use them, where the line-based secrets scanner
 * cannot judge them (short or low-entropy values such as `password: 'admin123'`): passwords in the
 * options of database, cache and mail clients (and Sequelize's third argument), `auth: { pass }`
 * objects, Basic-auth headers built from literals, and session/cookie signing secrets
 * (`session({ secret: 'keyboard cat' })`, `cookieParser('s')`, Koa `app.keys`). Literals the scanner
 * already reports on the same line are left to it; empty strings, placeholders and environment lookups
 * are fine; `process.env.X || 'literal'` defaults are reported one grade lower.
 */
export const hardcodedCredentials: StaticRule = {
  // Necessary for any finding: `pass…`/`pwd` keys (lower, Capitalised or UPPER once `nameWords` splits them), `Sequelize`, `keys`, session packages, `btoa`, `Buffer`, `Basic` in any case.
  needs: ['pass', 'Pass', 'PASS', 'pwd', 'Pwd', 'PWD', 'Sequelize', 'keys', 'session', 'cookie-parser', 'btoa', 'Buffer', ...caseVariants('basic')],
  doc: {
    id: 'hardcoded-credentials',
    title: 'Hard-coded credentials',
    severity: 'high',
    category: 'security',
    help:
      'A password written into the code is readable by everyone with access to the repository, its forks ' +
      'and its history, and changing it means a deploy. Read it from the environment or a secret manager ' +
      '(`password: process.env.DB_PASSWORD`), fail at startup when it is missing, and rotate the one that ' +
      'was committed. A session secret in the code lets anyone who reads it forge session cookies.',
  },
  create(ctx) {
    // Made on first use: most files flag nothing, so they never need the resolver, the set or the list.
    let consts: ValueResolver | null = null;
    const resolver = (): ValueResolver => (consts ??= createValueResolver(ctx.taint));
    let program: TSESTree.Program | null = null;
    let sessions: ModuleBindings | null = null;
    /** The module bindings, read only from files that import a session package: no other binding matters here. */
    const sessionBindings = (): ModuleBindings =>
      (sessions ??= program !== null && importsAnyOf(program, SESSION_PACKAGES) ? collectModuleBindings(program) : NO_BINDINGS);
    let reported: Set<TSESTree.Node> | null = null;
    let deferred: Array<() => void> | null = null;
    ctx.atEnd(() => {
      if (deferred !== null) for (let i = 0; i < deferred.length; i++) deferred[i]!();
    });
    const later = (fn: () => void): void => {
      (deferred ??= []).push(fn);
    };
    const flag = (node: TSESTree.Node, value: TSESTree.Node, what: string): void => {
      later(() => {
        if (reported?.has(node)) return;
        const credential = credentialLiteral(value, resolver());
        if (!credential || seenByScanner(ctx, credential)) return;
        (reported ??= new Set()).add(node);
        report(ctx, node, credential, what);
      });
    };
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression, tail: string): void => {
      if (node.callee.type === 'Identifier') {
        const bindings = sessionBindings();
        if (bindings.has(tail)) {
          const source = importedPath(node.callee, bindings)?.source;
          if (source !== undefined && SESSION_PACKAGES.has(source)) return checkSession(node, source, flag);
        }
      }
      if (!CONNECTORS.has(tail)) return;
      const name = calleeName(node.callee) ?? tail;
      if (tail === 'Sequelize' && node.arguments[2]) flag(node.arguments[2], node.arguments[2], 'The Sequelize database password');
      for (const arg of node.arguments) {
        if (arg.type === 'ObjectExpression') for (const p of passwordProperties(arg, tail === 'connect', 0)) flag(p, p.value, `The \`${propertyKeyName(p)}\` passed to \`${name}()\``);
      }
    };
    /** A `btoa(...)`/`.toString('base64')` call: Basic credentials encoded here? (Kept out of the handler: see `RuleVisitor`.) */
    const onEncode = (node: TSESTree.CallExpression, tail: 'btoa' | 'toString'): void => {
      const source = basicAuthSource(node, tail);
      if (source === null) return;
      later(() => {
        const text = constantString(source, resolver());
        if (text !== null && USER_PAIR.test(text)) reportBasic(ctx, node, text);
      });
    };
    return {
      Program(node) {
        program = node;
      },
      CallExpression(node) {
        const tail = calleeTail(node.callee);
        if (tail === null) return;
        onCall(node, tail);
        if (tail === 'btoa' || tail === 'toString') onEncode(node, tail);
      },
      NewExpression(node) {
        const tail = calleeTail(node.callee);
        if (tail !== null) onCall(node, tail);
      },
      Property(node) {
        // axios/got/nodemailer-style `auth: { user, pass }` objects, wherever they are passed
        if (node.value.type !== 'ObjectExpression') return;
        const key = propertyKeyName(node);
        if (key === 'auth' || key === 'authentication') {
          for (const p of passwordProperties(node.value, false, 0)) flag(p, p.value, `The \`${propertyKeyName(p)}\` in this \`auth\` object`);
        }
      },
      Literal(node) {
        const value = node.value;
        // Nearly every literal fails the first-letter test, so the regex runs on a few.
        if (typeof value !== 'string' || value.length < 10 || (value.charCodeAt(0) | 32) !== 0x62) return;
        const m = BASIC_HEADER.exec(value);
        const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : null;
        if (decoded !== null && DECODED_PAIR.test(decoded)) reportBasic(ctx, node, decoded);
      },
      AssignmentExpression(node) {
        // Koa signed-cookie keys: app.keys = ['...']
        if (node.right.type === 'ArrayExpression' && node.left.type === 'MemberExpression' && propertyKeyName(node.left) === 'keys') {
          const first = node.right.elements[0];
          if (first && first.type !== 'SpreadElement') flag(node, first, 'The cookie-signing key in `app.keys`');
        }
      },
    };
  },
};

type Flag = (node: TSESTree.Node, value: TSESTree.Node, what: string) => void;

/** `session({ secret })`, `cookieSession({ secret, keys })`, `cookieParser(secret)`. */
function checkSession(call: TSESTree.CallExpression | TSESTree.NewExpression, source: string, flag: Flag): void {
  const first = call.arguments[0];
  if (!first || first.type === 'SpreadElement') return;
  if (source === 'cookie-parser') return flag(first, first, 'The cookie-signing secret passed to `cookieParser()`');
  if (first.type !== 'ObjectExpression') return;
  const secret = findProperty(first, 'secret');
  if (secret) flag(secret, unwrapFirstElement(secret.value), `The \`secret\` of \`${source}\``);
  const keys = findProperty(first, 'keys');
  if (keys) flag(keys, unwrapFirstElement(keys.value), `The signing \`keys\` of \`${source}\``);
}

/** A secret given as an array (`secret: ['s1', 's2']` for rotation) is judged by its first element. */
function unwrapFirstElement(node: TSESTree.Node): TSESTree.Node {
  const n = unwrap(node);
  return n.type === 'ArrayExpression' && n.elements[0] && n.elements[0].type !== 'SpreadElement' ? n.elements[0] : n;
}

/** Password-named properties of an options object and of objects nested in it (`connection`, `auth`), to depth 3. */
function passwordProperties(object: TSESTree.ObjectExpression, needsConnectionKeys: boolean, depth: number): TSESTree.Property[] {
  const out: TSESTree.Property[] = [];
  const isConnection = !needsConnectionKeys || CONNECTION_KEYS.some((k) => findProperty(object, k));
  for (const p of object.properties) {
    if (p.type !== 'Property') continue;
    const key = propertyKeyName(p);
    if (key === null) continue;
    if (p.value.type === 'ObjectExpression' && depth < 3) out.push(...passwordProperties(p.value, needsConnectionKeys, depth + 1));
    else if (isConnection && PASSWORD_WORDS.has(nameWords(key).pop() ?? '')) out.push(p);
  }
  return out;
}

/** True when the secrets scanner reports this literal itself (same line, overlapping columns): it is left to it. */
function seenByScanner(ctx: RuleContext, credential: CredentialLiteral): boolean {
  const { start, end } = credential.literal.loc;
  if (start.line !== end.line) return false;
  const line = ctx.lines[start.line - 1] ?? '';
  return scanSecrets(line).some((m) => m.column < end.column && m.column + m.value.length > start.column);
}

function report(ctx: RuleContext, node: TSESTree.Node, credential: CredentialLiteral, what: string): void {
  const via = credential.via ? ` (through \`${credential.via}\`)` : '';
  if (credential.kind === 'fallback') {
    ctx.report({
      node,
      message:
        `${what} falls back to a literal${via} when the environment does not set it, so a deployment that forgets the variable ` +
        'runs with a credential everyone with the source knows. Fail at startup when it is missing instead.',
      severity: stepSeverity(ctx.severity, 'down'),
      confidence: 0.55,
    });
    return;
  }
  ctx.report({
    node,
    message:
      `${what} is a literal${via}: everyone who can read the repository or its history has it. Read it from the environment ` +
      'or a secret manager (e.g. `process.env.DB_PASSWORD`), and rotate the committed value.',
    confidence: 0.85,
  });
}

/**
 * The argument a call base64-encodes, when the call is `btoa(x)` or `Buffer.from(x).toString('base64')`
 * (read from the syntax alone; whether `x` is a constant `user:password` is asked once the file is read).
 */
function basicAuthSource(call: TSESTree.CallExpression, tail: 'btoa' | 'toString'): TSESTree.Node | null {
  let source: TSESTree.Node | undefined;
  if (tail === 'btoa') {
    const name = calleeName(call.callee);
    if (name !== null && BTOA.test(name)) source = call.arguments[0];
  } else if (call.callee.type === 'MemberExpression' && constantString(call.arguments[0] ?? call)?.toLowerCase() === 'base64') {
    const inner = unwrap(call.callee.object);
    if (inner.type === 'CallExpression' && calleeName(inner.callee) === 'Buffer.from') source = inner.arguments[0];
  }
  return !source || source.type === 'SpreadElement' ? null : source;
}

function reportBasic(ctx: RuleContext, node: TSESTree.Node, pair: string): void {
  const user = pair.slice(0, pair.indexOf(':'));
  ctx.report({
    node,
    message:
      `This builds HTTP Basic credentials for \`${user}\` from a literal password: everyone who can read the repository can ` +
      'call the service as that user, and base64 is not encryption. Read the username and password from the environment or a secret manager.',
    confidence: 0.8,
  });
}

/** Every spelling of `word` in upper and lower case (`basic`, `Basic`, `bAsIc`, ...): the words of a case-insensitive match. */
function caseVariants(word: string): string[] {
  let out = [''];
  for (const c of word) out = out.flatMap((prefix) => [prefix + c.toLowerCase(), prefix + c.toUpperCase()]);
  return out;
}
