import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget } from '../../taint/call-target.js';
import { nodeText, replaceNodeText } from '../../taint/replace-node-text.js';
import { reportTaint } from '../../taint/report-taint.js';
import { toExecFile } from '../../taint/to-exec-file.js';
import { worstVerdict } from '../../taint/worst-verdict.js';

const SHELL_RUNNERS = new Set(['exec', 'execSync']);
const ARGV_RUNNERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork', 'execa', 'execaSync']);
const EXECA_COMMANDS = new Set(['execaCommand', 'execaCommandSync']);
const RUNNERS = new Set([...SHELL_RUNNERS, ...ARGV_RUNNERS, ...EXECA_COMMANDS]);
/** Receivers that make `exec` unambiguous without an import in sight: `child_process.exec`, `cp.exec`. */
const CHILD_PROCESS_RECEIVERS = /^(?:child_process|childProcess|cp|proc|shell)$/;
const CHILD_PROCESS = new Set(['child_process', 'execa', 'cross-spawn']);
const BARE_RUNNERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
const SHELL_FIX = 'Use `execFile()`/`spawn()` with an argument array and no `shell` option, and check each argument against an allow-list.';

/**
 * Commands run through a shell (`exec`, `execSync`, `promisify(exec)`, `spawn`/`execFile`/`execa` with a
 * truthy `shell` option, `execaCommand`) built from values that are not constants, graded by taint; and a
 * program name taken from user input in `spawn`/`execFile` (of unknown origin only `info`: without a
 * shell, a variable program is normal in tooling). Offers `execFile` in place of `exec` when the command is a template of
 * plain words (see `toExecFile`). execa's `$` template tag is safe: it passes each value as one argument.
 */
export const commandInjection: StaticRule = {
  // Necessary for any finding: every runner's name (and `promisify(exec)`) has one of these.
  needs: ['exec', 'spawn', 'fork'],
  doc: {
    id: 'command-injection',
    title: 'Command injection',
    severity: 'critical',
    category: 'security',
    help:
      'A shell parses the whole command string, so a value spliced into it can add commands of its own ' +
      '(`; rm -rf /`). Use `execFile`/`spawn` with an argument array and no `shell` option, and validate ' +
      'the arguments against an allow-list.' +
      ' A shell command of unknown origin is reported one grade lower (confidence 0.55); a program name of unknown origin run without a shell is listed at `info` (0.3).',
  },
  create(ctx) {
    /** Local names of promisified shell runners (`const run = promisify(exec)`) and of imported `execFile`s. */
    const promisified = new Set<string>();
    const imported = new Map<string, string>();

    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      const first = node.arguments[0];
      if (t === null || first === undefined || first.type === 'SpreadElement') return;
      const { method, receiver } = t;
      const isShell = SHELL_RUNNERS.has(method) || (receiver === null && promisified.has(method));
      if (!isShell && !ARGV_RUNNERS.has(method) && !EXECA_COMMANDS.has(method)) return;
      ctx.atEnd(() => {
        if (!promisified.has(method) && !isChildProcess(ctx, receiver, node.callee)) return;
        if (isShell) {
          const verdict = ctx.taint.of(first, 'command');
          const suggestion = receiver === null && !imported.has(method) ? undefined : execFileSuggestion(ctx, node, receiver, method, imported);
          reportTaint(ctx, {
            node,
            value: first,
            verdict,
            sink: 'command',
            reaches: `\`${method}()\`, which runs it through a shell`,
            impact: 'shell syntax in it (`;`, `$(...)`, `|`) runs commands of their choosing',
            fix: SHELL_FIX,
            unknown: 'lower',
            ...(suggestion === undefined ? {} : { suggestion }),
          });
        } else if (EXECA_COMMANDS.has(method)) {
          reportTaint(ctx, {
            node,
            value: first,
            verdict: ctx.taint.of(first, 'command'),
            sink: 'command',
            reaches: `\`${method}()\`, which splits it into a program and its arguments`,
            impact: 'they choose the program and its arguments',
            fix: 'Use `execa(file, [args])` with a constant file and checked arguments.',
            unknown: 'lower',
          });
        } else if (hasShellOption(ctx, node.arguments)) {
          const args = node.arguments[1];
          const values = [first, ...(args !== undefined && args.type === 'ArrayExpression' ? args.elements : [args])];
          const worst = worstVerdict(ctx.taint, values.filter((v): v is TSESTree.Expression => v !== null && v !== undefined && v.type !== 'SpreadElement'), 'command');
          if (worst === null) return;
          reportTaint(ctx, {
            node,
            value: worst.value,
            verdict: worst.verdict,
            sink: 'command',
            reaches: `\`${method}()\` with the \`shell\` option, which joins the command and its arguments for a shell`,
            impact: 'shell syntax in it runs commands of their choosing',
            fix: 'Drop the `shell` option and pass the arguments as an array.',
            unknown: 'lower',
          });
        } else {
          reportTaint(ctx, {
            node,
            value: first,
            verdict: ctx.taint.of(first, 'command'),
            sink: 'command',
            reaches: `\`${method}()\` as the program to run`,
            impact: 'they choose which program runs',
            fix: 'Choose the program from a fixed allow-list.',
            unknown: 'ambient',
          });
        }
      });
    };
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'child_process' && node.source.value !== 'node:child_process') return;
        for (const s of node.specifiers) if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier') imported.set(s.imported.name, s.local.name);
      },
      VariableDeclarator(node) {
        const init = node.init;
        if (init === null || init.type !== 'CallExpression' || node.id.type !== 'Identifier' || calleeMethod(init) !== 'promisify') return;
        const arg = init.arguments[0];
        if (arg === undefined || arg.type === 'SpreadElement') return;
        const inner = unwrap(arg);
        const name = inner.type === 'Identifier' ? inner.name : inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier' ? inner.property.name : '';
        if (SHELL_RUNNERS.has(name)) promisified.add(node.id.name);
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !(RUNNERS.has(name) || promisified.has(name))) return;
        onCall(node);
      },
    };
  },
};

/** `cp.exec` / `child_process.exec` / an `exec` imported or required from child_process (or execa). */
function isChildProcess(ctx: RuleContext, receiver: TSESTree.Node | null, callee: TSESTree.Node): boolean {
  if (receiver === null) {
    const module = ctx.taint.moduleOf(callee);
    // `spawn`/`execFile` are specific enough to trust without an import in sight; `exec` is not (regexes, db drivers).
    if (module !== null) return CHILD_PROCESS.has(module);
    return BARE_RUNNERS.has((callee as TSESTree.Identifier).name) && ctx.taint.declarationOf(callee) === 'global';
  }
  const r = unwrap(receiver);
  if (r.type === 'Identifier' && CHILD_PROCESS_RECEIVERS.test(r.name)) return true;
  return CHILD_PROCESS.has(ctx.taint.moduleOf(r) ?? '');
}

/** True when an options argument has a `shell` property that is not literally false/null/undefined/0/''. */
function hasShellOption(ctx: RuleContext, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.slice(1).some((a) => {
    if (a.type === 'SpreadElement') return false;
    const o = ctx.taint.origin(a);
    if (o.type !== 'ObjectExpression') return false;
    return o.properties.some((p) => {
      if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier' || p.key.name !== 'shell') return false;
      const v = unwrap(p.value);
      return !(v.type === 'Literal' && !v.value) && !(v.type === 'Identifier' && v.name === 'undefined');
    });
  });
}

/** `exec(\`git log ${branch}\`)` as `execFile('git', ['log', branch])` when that is exact (see `toExecFile`). */
function execFileSuggestion(
  ctx: RuleContext,
  node: TSESTree.CallExpression,
  receiver: TSESTree.Node | null,
  method: string,
  imported: ReadonlyMap<string, string>,
): string | undefined {
  const target = method === 'execSync' ? 'execFileSync' : 'execFile';
  const callee = receiver === null ? imported.get(target) : `${nodeText(ctx.lines, receiver)}.${target}`;
  const command = node.arguments[0];
  if (callee === undefined || command?.type !== 'TemplateLiteral') return undefined;
  const rest = node.arguments.slice(1);
  // An explicit `shell` in the options would run execFile through a shell again.
  if (rest.some((a) => a.type === 'ObjectExpression' && a.properties.some((p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'shell'))) return undefined;
  const argv = toExecFile(command, (e) => nodeText(ctx.lines, e));
  if (argv === null) return undefined;
  const tail = rest.map((a) => nodeText(ctx.lines, a));
  return replaceNodeText(ctx.lines, node, node, `${callee}(${[argv.file, `[${argv.args.join(', ')}]`, ...tail].join(', ')})`);
}
