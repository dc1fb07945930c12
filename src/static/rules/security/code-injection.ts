import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, isConstant } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';

const VM_RUNNERS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']);

/** eval, the Function constructor, string timers and vm.run* with code that is not a constant. */
export const codeInjection: StaticRule = {
  doc: {
    id: 'code-injection',
    title: 'Code injection',
    severity: 'critical',
    category: 'security',
    help:
      'Evaluating a string as code runs whatever that string holds; if any part of it comes from a user, ' +
      'the user runs code on your server. Parse data with `JSON.parse`, look values up in a map, or pass a ' +
      'function instead of a string to timers.',
  },
  create(ctx) {
    const flag = (node: TSESTree.Node, what: string): void =>
      ctx.report({
        node,
        message: `${what} evaluates a string that is not a constant as code. If any part of it comes from input, an attacker runs arbitrary code. Replace it with data parsing (JSON.parse), a lookup table, or a function.`,
      });
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        const first = node.arguments[0];
        if (!name || !first || first.type === 'SpreadElement') return;
        const short = name.replace(/^(?:window|globalThis|global|self)\./, '');
        if (short === 'eval' && !isConstant(first)) flag(node, '`eval()`');
        else if (short === 'Function' && !node.arguments.every((a) => a.type !== 'SpreadElement' && isConstant(a)))
          flag(node, '`Function()`');
        else if ((short === 'setTimeout' || short === 'setInterval') && isStringy(first) && !isConstant(first))
          flag(node, `\`${short}()\` with a string`);
        else if (/^vm\.|\.vm\./.test(`${name}.`) && VM_RUNNERS.has(name.split('.').pop()!) && !isConstant(first))
          flag(node, `\`${name}()\``);
      },
      NewExpression(node) {
        const name = calleeName(node.callee);
        if (name === null) return;
        const short = name.replace(/^(?:window|globalThis|global|self)\./, '');
        if (short === 'Function' && !node.arguments.every((a) => a.type !== 'SpreadElement' && isConstant(a)))
          flag(node, '`new Function()`');
        if ((short === 'vm.Script' || short === 'Script') && node.arguments[0] && !isConstant(node.arguments[0]))
          flag(node, '`new vm.Script()`');
      },
    };
  },
};

/** A timer's first argument that is a string expression rather than a function. */
function isStringy(node: TSESTree.Node): boolean {
  return (
    node.type === 'TemplateLiteral' ||
    (node.type === 'Literal' && typeof node.value === 'string') ||
    (node.type === 'BinaryExpression' && node.operator === '+')
  );
}
