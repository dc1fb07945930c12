import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget } from '../../taint/call-target.js';
import { createModuleNames, type ModuleNames } from '../../taint/create-module-names.js';
import { requiredModule } from '../../taint/binding.js';
import { reportTaint } from '../../taint/report-taint.js';

/** fs (and fs/promises, fs-extra) functions, with the positions of their path arguments. */
const ONE_PATH = [
  'readFile',
  'writeFile',
  'appendFile',
  'unlink',
  'rm',
  'rmdir',
  'readdir',
  'mkdir',
  'stat',
  'lstat',
  'access',
  'open',
  'opendir',
  'readlink',
  'realpath',
  'truncate',
  'chmod',
  'chown',
  'exists',
  'utimes',
  'readJson',
  'readJSON',
  'outputFile',
  'outputJson',
  'remove',
  'pathExists',
  'ensureDir',
];
const TWO_PATHS = ['copyFile', 'rename', 'cp', 'symlink', 'link', 'move', 'copy'];
/** fs (and fs/promises, fs-extra) functions, with the positions of their path arguments. */
const FS_PATHS = new Map<string, readonly number[]>([
  ...ONE_PATH.flatMap((m): Array<[string, number[]]> => [
    [m, [0]],
    [`${m}Sync`, [0]],
  ]),
  ...TWO_PATHS.flatMap((m): Array<[string, number[]]> => [
    [m, [0, 1]],
    [`${m}Sync`, [0, 1]],
  ]),
  ['createReadStream', [0]],
  ['createWriteStream', [0]],
  ['watch', [0]],
  ['watchFile', [0]],
]);
const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
const FS_RECEIVERS = /^(?:fs|fsp|fsPromises|fse|fsExtra)$/;
const RESPONSES = new Set(['res', 'response']);
const IMPACT = '`../` in it reaches files outside the folder you meant (`../../etc/passwd`, your `.env`)';
const FIX =
  'Resolve it under a fixed base folder and check that the result stays inside (`const p = path.resolve(base, name); if (!p.startsWith(base + path.sep)) reject`), or keep only `path.basename(name)`.';

/**
 * User input used as a file path: fs functions (callback, sync, `fs/promises`, fs-extra), and Express
 * `res.sendFile`/`res.download` without a `root` option. Input flows through `path.join`/`path.resolve`
 * and templates; `path.basename` sanitises, and so does a containment check before the call
 * (`if (!p.startsWith(base)) return`). File paths of unknown origin are what most file-handling code looks
 * like: `info` only (see `UnknownGrade`).
 */
export const pathTraversal: StaticRule = {
  // Necessary for any finding: fs sinks need an fs module or receiver (`fs`, `fsp`, `fs-extra`...).
  needs: ['fs', 'sendFile', 'download'],
  doc: {
    id: 'path-traversal',
    title: 'Path traversal',
    severity: 'high',
    category: 'security',
    help:
      'A path built from user input can climb out of the folder it was meant for with `../` (or be absolute), ' +
      'and read or overwrite any file the process can: keys, `.env`, source. Keep only the file name ' +
      '(`path.basename`), or resolve the path under a base folder and reject it unless it still starts with ' +
      'that folder. With Express, pass `{ root }` to `res.sendFile`/`res.download`.' +
      ' Values of unknown origin (neither constants nor traced to input) are listed at `info` with confidence 0.3: JSON and SARIF output with `min_severity: info` show them, reviews do not.',
  },
  create(ctx) {
    const imported = createModuleNames(FS_MODULES);
    const check = (node: TSESTree.CallExpression, value: TSESTree.Node, reaches: string, fix: string): void => {
      reportTaint(ctx, { node, value, verdict: ctx.taint.of(value, 'path'), sink: 'path', reaches, impact: IMPACT, fix, unknown: 'ambient' });
    };

    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      if (t === null || node.arguments.length === 0) return;
      const { method, receiver } = t;
      const positions = FS_PATHS.get(method);
      if (positions !== undefined && mayBeFs(receiver, method, imported)) {
        ctx.atEnd(() => {
          if (!isFs(ctx, receiver, node.callee)) return;
          for (const i of positions) {
            const a = node.arguments[i];
            if (a !== undefined && a.type !== 'SpreadElement') check(node, a, `\`${method}()\` as a file path`, FIX);
          }
        });
      } else if ((method === 'sendFile' || method === 'download') && receiver !== null) {
        const first = node.arguments[0]!;
        if (first.type === 'SpreadElement') return;
        ctx.atEnd(() => {
          const r = unwrap(receiver);
          if (r.type !== 'Identifier' || !(RESPONSES.has(r.name) || ctx.taint.roleOf(r) === 'response')) return;
          if (node.arguments.slice(1).some((a) => hasRoot(ctx, a))) return;
          check(node, first, `\`res.${method}()\` as a file path without a \`root\``, 'Pass the folder as the `root` option (`res.sendFile(name, { root: dir })`): Express then refuses paths that leave it.');
        });
      }
    };
    return {
      ImportDeclaration: imported.ImportDeclaration,
      VariableDeclarator: imported.VariableDeclarator,
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !(FS_PATHS.has(name) || name === 'sendFile' || name === 'download')) return;
        onCall(node);
      },
    };
  },
};

/** A cheap first look while traversing: an fs-like receiver name, an imported fs name, `x.promises`, or `require(...)`. */
function mayBeFs(receiver: TSESTree.Node | null, method: string, imported: ModuleNames): boolean {
  if (receiver === null) return imported.has(method);
  const r = unwrap(receiver);
  if (r.type === 'Identifier') return FS_RECEIVERS.test(r.name) || imported.has(r.name);
  if (r.type === 'CallExpression') return requiredModule(r) !== null;
  return r.type === 'MemberExpression' && !r.computed && r.property.type === 'Identifier' && r.property.name === 'promises';
}

/** `fs.readFile`, `fsp.readFile`, `fs.promises.readFile`, or a `readFile` imported from fs, fs/promises or fs-extra. */
function isFs(ctx: RuleContext, receiver: TSESTree.Node | null, callee: TSESTree.Node): boolean {
  if (receiver === null) return FS_MODULES.has(ctx.taint.moduleOf(callee) ?? '');
  const r = unwrap(receiver);
  if (r.type === 'Identifier' && FS_RECEIVERS.test(r.name)) return true;
  if (r.type === 'MemberExpression' && !r.computed && r.property.type === 'Identifier' && r.property.name === 'promises') {
    const o = unwrap(r.object);
    if (o.type === 'Identifier' && (o.name === 'fs' || ctx.taint.moduleOf(o) === 'fs')) return true;
  }
  return FS_MODULES.has(ctx.taint.moduleOf(r) ?? '');
}

function hasRoot(ctx: RuleContext, arg: TSESTree.CallExpressionArgument): boolean {
  if (arg.type === 'SpreadElement') return false;
  const o = ctx.taint.origin(arg);
  return o.type === 'ObjectExpression' && o.properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'root');
}
