import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ResolvedBinding } from './module-binding-of.js';

/** A blocking call, described for the reader. */
export interface SyncCallKind {
  /** As written: `fs.readFileSync`, `execSync`. */
  call: string;
  /** What it blocks on, completing "`call` runs inside a request handler and ...". */
  why: string;
  /** How to fix it. */
  fix: string;
  /** For `fs.<x>Sync` written on the `fs` module: the exact promise-returning replacement (`fs.promises.readFile`). */
  promiseCallee?: string;
}

const FS_MODULES = new Set(['fs', 'fs-extra', 'graceful-fs']);
const CHILD = new Set(['execSync', 'execFileSync', 'spawnSync']);
const CRYPTO = new Set(['pbkdf2Sync', 'scryptSync', 'generateKeyPairSync']);
const BCRYPT = new Set(['hashSync', 'compareSync', 'genSaltSync']);
/** `fs.<name>Sync` whose `fs.promises.<name>` takes the same arguments and resolves to the same value. */
const FS_PROMISE_TWINS = new Set([
  'readFile', 'writeFile', 'appendFile', 'readdir', 'stat', 'lstat', 'mkdir', 'rm', 'rmdir', 'unlink', 'copyFile',
  'rename', 'access', 'realpath', 'readlink', 'symlink', 'chmod', 'chown', 'mkdtemp', 'utimes', 'truncate',
]);
/** These also take a file descriptor, which `fs.promises` does not: no rewrite when the first argument looks like one. */
const FD_ACCEPTING = new Set(['readFile', 'writeFile', 'appendFile']);

/**
 * Classifies a blocking call: `fs.*Sync` (also fs-extra, graceful-fs), `child_process.execSync`/`execFileSync`/
 * `spawnSync`, `zlib.*Sync`, `crypto.pbkdf2Sync`/`scryptSync`/`generateKeyPairSync`, `bcrypt.hashSync`/`compareSync`/
 * `genSaltSync`, called on the module (`fs.readFileSync`) or as a named import (`readFileSync`, `run` for
 * `execSync as run`). `bindingOf` says what a name is bound to (see moduleBindingOf). Null for anything else.
 */
export function syncCallKind(node: TSESTree.CallExpression, bindingOf: (name: string) => ResolvedBinding | null): SyncCallKind | null {
  const callee = node.callee;
  if (callee.type === 'Identifier') {
    const b = bindingOf(callee.name);
    return b?.exported ? classify(b.module, b.exported, callee.name, null, node) : null;
  }
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  if (!method.endsWith('Sync') || callee.object.type !== 'Identifier') return null;
  const receiver = callee.object.name;
  const b = bindingOf(receiver);
  if (b === null || b.exported !== null) return null;
  return classify(b.module, method, `${receiver}.${method}`, b.module === 'fs' ? receiver : null, node);
}

function classify(module: string, method: string, call: string, fsBinding: string | null, node: TSESTree.CallExpression): SyncCallKind | null {
  if (FS_MODULES.has(module) && method.endsWith('Sync')) {
    const base = method.slice(0, -4);
    const kind: SyncCallKind = {
      call,
      why: 'blocks on the file system',
      fix:
        base === 'exists'
          ? 'Use `await fs.promises.access(path)` in a `try`, or open the file and handle `ENOENT`; or check once at start-up.'
          : `Use \`await fs.promises.${base}(...)\` (or \`${base}\` from \`node:fs/promises\`), or do it once at start-up if the result does not change per request.`,
    };
    if (fsBinding !== null && FS_PROMISE_TWINS.has(base) && !(FD_ACCEPTING.has(base) && looksLikeFd(node.arguments[0])))
      kind.promiseCallee = `${fsBinding}.promises.${base}`;
    return kind;
  }
  if (module === 'child_process' && CHILD.has(method)) {
    return {
      call,
      why: 'blocks until the child process exits',
      fix: 'Use `await promisify(execFile)(file, args)` or `spawn` so other requests proceed while it runs (and pass arguments as an array, not a shell string).',
    };
  }
  if (module === 'zlib' && method.endsWith('Sync')) {
    return {
      call,
      why: 'compresses on the main thread',
      fix: `Use \`await promisify(zlib.${method.slice(0, -4)})(buffer)\` or a stream, which run on the libuv thread pool.`,
    };
  }
  if (module === 'crypto' && CRYPTO.has(method)) {
    const base = method.slice(0, -4);
    return {
      call,
      why: base === 'generateKeyPair' ? 'generates a key pair on the main thread (RSA takes up to seconds)' : 'derives a key on the main thread, which is slow on purpose',
      fix: `Use \`await promisify(crypto.${base})(...)\`, which runs on the libuv thread pool.`,
    };
  }
  if ((module === 'bcrypt' || module === 'bcryptjs') && BCRYPT.has(method)) {
    const base = method.slice(0, -4);
    return {
      call,
      why: 'hashes on the main thread, which is slow on purpose (~100 ms at cost 10)',
      fix: `Use \`await bcrypt.${base}(...)\`.`,
    };
  }
  return null;
}

function looksLikeFd(arg: TSESTree.Node | undefined): boolean {
  if (!arg) return false;
  if (arg.type === 'Literal') return typeof arg.value === 'number';
  return arg.type === 'Identifier' && /fd|descriptor/i.test(arg.name);
}
