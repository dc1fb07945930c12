import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, StaticRule } from '../../rule.js';
import { isRequestHandler } from './is-request-handler.js';
import { isRouteRegistration } from './is-route-registration.js';
import { readModuleBindings } from './read-module-bindings.js';
import { syncCallKind, type SyncCallKind } from './sync-call-kind.js';
import { isTestPath } from './is-test-path.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

interface FunctionFrame {
  node: FunctionNode;
  /** The name the function is declared under (`function load`, `const load = () => ...`), for handlers passed by name. */
  name: string | null;
  handler: boolean;
}

/** A blocking call in a named function that may turn out to be a handler (`app.get('/', load)` can come later). */
interface Deferred {
  node: TSESTree.CallExpression;
  kind: SyncCallKind;
  names: string[];
}

/**
 * Blocking calls (`fs.*Sync`, `child_process.execSync`, `zlib.*Sync`, `crypto.pbkdf2Sync`/`scryptSync`, `bcrypt.hashSync`)
 * inside request handlers: functions registered with Express/Koa/Fastify/Hono-style routers (inline or by name),
 * Next.js API routes and route handlers. Start-up code and CLIs may block. `crypto.randomBytes(n)` without a callback
 * is not reported: for token-sized `n` it returns in microseconds.
 */
export const syncIoInHandler: StaticRule = {
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
    const modules = new Map<string, string>(); // local name -> module, for whole-module bindings
    const named = new Map<string, [string, string]>(); // local name -> [module, export]
    const frames: FunctionFrame[] = [];
    let handlerDepth = 0;
    const handlerNames = new Set<string>();
    const deferred: Deferred[] = [];

    const bind = (node: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator): void => {
      for (const b of readModuleBindings(node)) {
        for (const w of b.whole) modules.set(w, b.module);
        for (const [local, exported] of b.named) named.set(local, [b.module, exported]);
      }
    };
    const enter = (node: FunctionNode): void => {
      const handler = isRequestHandler(node);
      frames.push({ node, name: declaredName(node), handler });
      if (handler) handlerDepth++;
    };
    const leave = (): void => {
      if (frames.pop()?.handler) handlerDepth--;
    };

    return {
      ImportDeclaration: bind,
      VariableDeclarator(node) {
        if (node.init) bind(node);
      },
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': leave,
      'FunctionExpression:exit': leave,
      'ArrowFunctionExpression:exit': leave,
      ExportDefaultDeclaration(node) {
        // `export default handler` (a Next.js API route declared above or below)
        if (node.declaration.type === 'Identifier') handlerNames.add(node.declaration.name);
      },
      CallExpression(node) {
        if (node.arguments.length > 0 && isRouteRegistration(node))
          for (const a of node.arguments) if (a.type === 'Identifier') handlerNames.add(a.name);
        if (frames.length === 0) return;
        const kind = syncCallKind(node, modules, named);
        if (kind === null) return;
        if (handlerDepth > 0) report(ctx, node, kind, frames);
        else {
          const names = frames.flatMap((f) => (f.name === null ? [] : [f.name]));
          if (names.length > 0) deferred.push({ node, kind, names });
        }
      },
      'Program:exit'() {
        for (const d of deferred) if (d.names.some((n) => handlerNames.has(n))) report(ctx, d.node, d.kind, []);
      },
    };
  },
};

function declaredName(node: FunctionNode): string | null {
  if (node.type === 'FunctionDeclaration') return node.id?.name ?? null;
  const p = node.parent;
  return p?.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier' ? p.id.name : null;
}

function report(ctx: RuleContext, node: TSESTree.CallExpression, kind: SyncCallKind, frames: readonly FunctionFrame[]): void {
  const suggestion = asyncSuggestion(ctx.lines, node, kind, frames);
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
function asyncSuggestion(lines: readonly string[], node: TSESTree.CallExpression, kind: SyncCallKind, frames: readonly FunctionFrame[]): string | undefined {
  const fn = frames[frames.length - 1];
  if (kind.promiseCallee === undefined || !fn?.handler || !fn.node.async) return undefined;
  const p = node.parent;
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
