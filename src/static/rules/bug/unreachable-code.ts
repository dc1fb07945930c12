import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';

/**
 * Statements after a `return`, `throw`, `break` or `continue` in the same block. Reports the first dead statement
 * of each block. Hoisted declarations are not dead code: function declarations, `var` without an initialiser (the
 * binding exists for the whole function; an initialiser would be dead and is reported), and type-only declarations.
 * A plain `break` after a jump (`case 'a': return x; break;`) is a redundant habit, not a bug, and is skipped.
 */
export const unreachableCode: StaticRule = {
  doc: {
    id: 'unreachable-code',
    title: 'Unreachable code',
    severity: 'medium',
    category: 'bug',
    help:
      'Code after a `return`, `throw`, `break` or `continue` in the same block never runs. Usually it was meant ' +
      'to run (a cleanup, a log line, a second branch) and the jump was placed too early or is missing a condition. ' +
      'Move it before the jump, put the jump under the condition it needs, or delete the dead code.',
  },
  create(ctx) {
    // Called for every block of every file: the scan for a jump compares types inline and allocates nothing.
    const check = (body: readonly TSESTree.Node[]): void => {
      // Nothing can follow the last statement: only a jump before it matters.
      const last = body.length - 1;
      for (let i = 0; i < last; i++) {
        const type = body[i]!.type;
        if (type !== 'ReturnStatement' && type !== 'ThrowStatement' && type !== 'BreakStatement' && type !== 'ContinueStatement') continue;
        const dead = firstDeadAfter(body, i);
        if (dead === null) return;
        const jump = body[i]!;
        const word = keyword(jump);
        ctx.report({
          node: dead,
          confidence: 0.95,
          message: `This never runs: it follows the \`${word}\` on line ${jump.loc.start.line} in the same block. If it should run, move it before the \`${word}\` (or make the \`${word}\` conditional); otherwise delete it.`,
        });
        return;
      }
    };
    return {
      BlockStatement(node) {
        check(node.body);
      },
      SwitchCase(node) {
        check(node.consequent);
      },
      StaticBlock(node) {
        check(node.body);
      },
    };
  },
};

/** The first statement after the jump at `body[jump]` that is dead code, or null. */
function firstDeadAfter(body: readonly TSESTree.Node[], jump: number): TSESTree.Node | null {
  for (let i = jump + 1; i < body.length; i++) {
    const statement = body[i]!;
    if (isHoisted(statement)) continue;
    // `return x; break;` in a switch case is redundant, not a bug: the break was never meant to run.
    if (statement.type === 'BreakStatement' && statement.label === null) continue;
    return statement;
  }
  return null;
}

function isHoisted(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'EmptyStatement':
      return true;
    case 'VariableDeclaration':
      return statement.kind === 'var' && statement.declarations.every((d) => d.init === null);
    default:
      return false;
  }
}

function keyword(jump: TSESTree.Node): string {
  return jump.type === 'ReturnStatement' ? 'return' : jump.type === 'ThrowStatement' ? 'throw' : jump.type === 'BreakStatement' ? 'break' : 'continue';
}
