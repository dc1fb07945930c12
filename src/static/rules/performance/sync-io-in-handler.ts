import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { isRequestHandler } from './is-request-handler.js';
import { isRouteRegistration } from './is-route-registration.js';
import { isTestPath } from './is-test-path.js';
import { moduleBindingOf } from './module-binding-of.js';
import { syncCallKind, type SyncCallKind } from './sync-call-kind.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Blocking calls (`fs.*Sync`, `child_process.execSync`, `zlib.*Sync`, `crypto.pbkdf2Sync`/`scryptSync`, `bcrypt.hashSync`)
 * inside request handlers: functions registered with Express/Koa/Fastify/Hono-style routers (inline or by name),
 * Next.js API routes and route handlers. Start-up code and CLIs may block. `crypto.randomBytes(n)` without a callback
 * is not reported: for token-sized `n` it returns in microseconds.
 */
export const syncIoInHandler: StaticRule = {
  // Necessary for any finding: every blocking call it knows ends in `Sync` once escapes are decoded; a name spelt
  // with escapes (`exec\u0053ync`, `"exec\x53ync"`, `"execS\ync"`, a line continuation) holds one of the others.
  needs: ['Sync', '\\u', '\\x', '\\S', '\\y', '\\c', '\\\n', '\\\r', '\\\u2028', '\\\u2029'],
  doc: {
    id: 'sync-io-in-handler',
    title: 'Blocking call in a request handler',
    severity: 'medium',
    category: 'performance',
    help:
      'Node serves every request on one thread. A synchronous file read, shell command, compression or key ' +
      'derivation inside a request handler stops that thread until it finishes, so every other request waits ' +
      'too, and latency grows with load. Use the async form (`await fs.promises.readFile(...)`, ' +
      '`promisify(execFile)`, `promisify(zlib.gzip)`, `promisify(crypto.scrypt)`, `await bcrypt.hash(...)`), or do ' +
      'the work once at start-up if its result does not change per request.',
  },
  create(ctx) {
    if (isTestPath(ctx.path)) return {};
    // Calls are picked out by name while the file is walked (a `...Sync` method or import); modules and handlers
    // are resolved for those few once it is done, by walking up from each.
    // Each made on first use: most files need none.
    let candidates: TSESTree.CallExpression[] | null = null;
    let handlerNames: Set<string> | null = null;
    let aliases: Set<string> | null = null;
    return {
      ImportDeclaration(node) {
        // `import { execSync as run } from 'child_process'`: `run(...)` does not look blocking by its name.
        for (const s of node.specifiers) {
          if (s.type !== 'ImportSpecifier') continue;
          const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          if (imported.endsWith('Sync')) (aliases ??= new Set()).add(s.local.name);
        }
      },
      ExportDefaultDeclaration(node) {
        // `export default handler` (a Next.js API route declared above or below)
        if (node.declaration.type === 'Identifier') (handlerNames ??= new Set()).add(node.declaration.name);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'Identifier') {
          if (callee.name.endsWith('Sync') || aliases?.has(callee.name)) (candidates ??= []).push(node);
          return;
        }
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (callee.property.name.endsWith('Sync')) (candidates ??= []).push(node);
        // `app.get('/x', auth, load)`: names passed to a route registration are handlers wherever they are declared.
        else if (node.arguments.length > 0 && isRouteRegistration(node)) {
          for (const a of node.arguments) if (a.type === 'Identifier') (handlerNames ??= new Set()).add(a.name);
        }
      },
      'Program:exit'() {
        if (candidates === null) return;
        const names = handlerNames ?? NO_NAMES;
        for (const node of candidates) {
          const kind = syncCallKind(node, (name) => moduleBindingOf(name, node, ctx.parent));
          if (kind === null) continue;
          const where = handlerAround(node, names, ctx.parent);
          if (where !== null) report(ctx, node, kind, where);
        }
      },
    };
  },
};

/** The request handler a call runs in, and whether it is the innermost function around the call. */
interface HandlerContext {
  handler: FunctionNode;
  direct: boolean;
}

/** Walks up from a call to the first function that handles requests (inline, or registered by name). */
function handlerAround(node: TSESTree.Node, handlerNames: ReadonlySet<string>, parent: ParentOf): HandlerContext | null {
  let innermost: FunctionNode | null = null;
  for (let n = parent(node); n; n = parent(n)) {
    if (n.type !== 'FunctionDeclaration' && n.type !== 'FunctionExpression' && n.type !== 'ArrowFunctionExpression') continue;
    innermost ??= n;
    const name = declaredName(n, parent);
    if (isRequestHandler(n, parent) || (name !== null && handlerNames.has(name))) return { handler: n, direct: n === innermost };
  }
  return null;
}

function declaredName(node: FunctionNode, parent: ParentOf): string | null {
  if (node.type === 'FunctionDeclaration') return node.id?.name ?? null;
  const p = parent(node);
  return p?.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier' ? p.id.name : null;
}

function report(ctx: RuleContext, node: TSESTree.CallExpression, kind: SyncCallKind, where: HandlerContext): void {
  const suggestion = asyncSuggestion(ctx.lines, node, kind, where, ctx.parent);
  ctx.report({
    node,
    confidence: 0.85,
    message: `\`${kind.call}\` runs inside a request handler and ${kind.why}: until it returns, this process serves no other request. ${kind.fix}`,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}

/**
 * `fs.readFileSync(p)` -> `await fs.promises.readFile(p)`, offered only where that is exact: the call is written
 * on the `fs` module, the promise API has the same signature and result, the innermost function is the (async)
 * handler itself, and the call is a whole statement, declaration initialiser, assignment source or return value
 * (where `await` needs no parentheses).
 */
function asyncSuggestion(lines: readonly string[], node: TSESTree.CallExpression, kind: SyncCallKind, where: HandlerContext, parent: ParentOf): string | undefined {
  if (kind.promiseCallee === undefined || !where.direct || !where.handler.async) return undefined;
  const p = parent(node);
  const placed =
    p?.type === 'ExpressionStatement' ||
    (p?.type === 'VariableDeclarator' && p.init === node) ||
    (p?.type === 'AssignmentExpression' && p.operator === '=' && p.right === node) ||
    p?.type === 'ReturnStatement';
  if (!placed) return undefined;
  const { start, end } = node.callee.loc;
  if (start.line !== end.line) return undefined;
  const out = lines.slice(node.loc.start.line - 1, node.loc.end.line);
  const i = start.line - node.loc.start.line;
  const line = out[i] ?? '';
  out[i] = `${line.slice(0, start.column)}await ${kind.promiseCallee}${line.slice(end.column)}`;
  return out.join('\n');
}
