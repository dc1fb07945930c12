import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, isConstant, lastSegment } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';

const SHELL_RUNNERS = new Set(['exec', 'execSync']);
const ARGV_RUNNERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Receivers that make `exec` unambiguous: `child_process.exec`, `cp.exec`, a destructured `exec`. */
const CHILD_PROCESS_RECEIVERS = /^(?:child_process|childProcess|cp|proc|shell)$/;

/** Shell commands built from values that are not constants. */
export const commandInjection: StaticRule = {
  doc: {
    id: 'command-injection',
    title: 'Command injection',
    severity: 'critical',
    category: 'security',
    help:
      'A shell parses the whole command string, so a value spliced into it can add commands of its own ' +
      '(`; rm -rf /`). Use `execFile`/`spawn` with an argument array and no `shell` option, and validate ' +
      'the arguments against an allow-list.',
  },
  create(ctx) {
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (!name) return;
        const method = lastSegment(name);
        const receiver = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : null;
        const first = node.arguments[0];
        if (!first || first.type === 'SpreadElement') return;
        if (SHELL_RUNNERS.has(method) && (receiver === null || CHILD_PROCESS_RECEIVERS.test(receiver))) {
          if (!isConstant(first)) {
            ctx.report({
              node,
              message: `\`${name}()\` runs its argument through a shell, and this command is built from values that are not constants. Use \`execFile()\` with an argument array instead, and validate each argument.`,
            });
          }
          return;
        }
        if (ARGV_RUNNERS.has(method) && hasShellOption(node.arguments) && !isConstant(first)) {
          ctx.report({
            node,
            message: `\`${name}()\` with \`shell: true\` parses the command with a shell, and it is built from values that are not constants. Drop the \`shell\` option and pass arguments as an array.`,
          });
        }
      },
    };
  },
};

function hasShellOption(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.some(
    (a) =>
      a.type === 'ObjectExpression' &&
      a.properties.some(
        (p) =>
          p.type === 'Property' &&
          p.key.type === 'Identifier' &&
          p.key.name === 'shell' &&
          !(p.value.type === 'Literal' && (p.value.value === false || p.value.value === null)),
      ),
  );
}
