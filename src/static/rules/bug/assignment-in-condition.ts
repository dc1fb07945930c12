import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { SEVERITIES, type Severity } from '../../../findings/finding.js';
import { isConstant, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { memberRoot } from './member-root.js';
import { charBefore, sourceText } from './source-text.js';

type Conditional =
  | TSESTree.IfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ConditionalExpression;

/**
 * `if (x = y)`: an assignment used as a condition without the extra parentheses that mark it as intended
 * (`while ((m = re.exec(s)))` and `while ((m = re.exec(s)) !== null)` are the idiom and pass), when the value is
 * one a comparison could have meant: a constant or a plain reference. Assigning a call's result
 * (`while (m = re.exec(s))`) or walking a chain (`while (node = node.parent)`) is assign-and-test on purpose and
 * passes too. When the value is a literal the condition can never vary, so it is a typo for `===` and the fix is
 * offered; a reference (`if (a = b)`) may be intended and is reported one severity lower and less confident.
 */
export const assignmentInCondition: StaticRule = {
  doc: {
    id: 'assignment-in-condition',
    title: 'Assignment used as a condition',
    severity: 'medium',
    category: 'bug',
    help:
      '`if (x = y)` assigns `y` to `x` and then tests `y`: usually a typo for `===`, and it silently overwrites ' +
      '`x`. If the comparison was meant, use `===`. If the assignment is intended (`while ((node = node.parent))`), ' +
      'wrap it in a second pair of parentheses, or compare the result explicitly ' +
      '(`while ((m = re.exec(s)) !== null)`), so readers and tools know.',
  },
  create(ctx) {
    const check = (node: Conditional): void => {
      const test = node.test;
      if (!test) return;
      const t = unwrap(test);
      if (t.type !== 'AssignmentExpression' || t.operator !== '=' || !mayBeComparison(t)) return;
      // The statement's own parenthesis is required; one more around the assignment marks it as intended.
      const needed = node.type === 'ConditionalExpression' ? 2 : node.type === 'ForStatement' ? 1 : 2;
      if (parenthesesBefore(ctx.lines, t) >= needed) return;
      report(ctx, t);
    };
    return {
      IfStatement: check,
      WhileStatement: check,
      DoWhileStatement: check,
      ForStatement: check,
      ConditionalExpression: check,
    };
  },
};

function report(ctx: RuleContext, node: TSESTree.AssignmentExpression): void {
  const left = sourceText(ctx.lines, node.left);
  const right = sourceText(ctx.lines, node.right);
  const typo = isTypo(node);
  const suggestion = typo ? withStrictEquals(ctx.lines, node) : undefined;
  ctx.report({
    node,
    confidence: typo ? 0.95 : 0.6,
    // A reference may be assigned and tested on purpose (`if (current = next)`): a risk to flag, not a sure bug.
    ...(typo ? {} : { severity: lowerSeverity(ctx.severity) }),
    message: typo
      ? `\`${left} = ${right}\` assigns a constant, so this condition is always ${truthy(node.right) ? 'true' : 'false'} and \`${left}\` is overwritten: almost certainly a typo for \`${left} === ${right}\`.`
      : `\`${left} = ${right}\` assigns \`${right}\` to \`${left}\` and tests it, which reads like a mistyped comparison. If you meant to compare, use \`===\`; if the assignment is intended, wrap it in a second pair of parentheses (\`((${left} = ${right}))\`).`,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}

function lowerSeverity(s: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(s) + 1, SEVERITIES.length - 1)]!;
}

/**
 * Whether `a = b` could be a mistyped comparison: the value is a constant or a plain reference. A call, `new`,
 * `await` and the like (`if (user = findUser(id))`, `while (m = re.exec(s))`) are assign-and-test on purpose, and
 * so is a walk that reads its own variable (`while (node = node.parent)`).
 */
function mayBeComparison(node: TSESTree.AssignmentExpression): boolean {
  const right = unwrap(node.right);
  if (isConstant(right)) return true;
  if (right.type !== 'Identifier' && right.type !== 'MemberExpression') return false;
  const root = memberRoot(right);
  return root !== null && root !== memberRoot(node.left);
}

/** A literal (string, number, boolean) assigned to a plain variable or property: the comparison was meant. */
function isTypo(node: TSESTree.AssignmentExpression): boolean {
  const right = unwrap(node.right);
  if (!isConstant(right)) return false;
  // `x = null` could mean `=== null` or `== null` (which also matches undefined): no single fix.
  if (right.type === 'Literal' && right.value === null) return false;
  const left = unwrap(node.left);
  return left.type === 'Identifier' || left.type === 'MemberExpression';
}

function truthy(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Literal') return Boolean(n.value);
  if (n.type === 'TemplateLiteral') return n.quasis.some((q) => q.value.cooked !== '');
  return true;
}

/** How many `(` directly precede the node, ignoring whitespace. */
function parenthesesBefore(lines: readonly string[], node: TSESTree.Node): number {
  let count = 0;
  let pos: TSESTree.Position = node.loc.start;
  for (;;) {
    const c = charBefore(lines, pos);
    if (c === null || c.char !== '(') return count;
    count++;
    pos = { line: c.line, column: c.column };
  }
}

/** The node's lines with its `=` turned into `===`; undefined if the operator cannot be found unambiguously. */
function withStrictEquals(lines: readonly string[], node: TSESTree.AssignmentExpression): string | undefined {
  const { end } = node.left.loc;
  const { start } = node.right.loc;
  if (end.line !== start.line) return undefined;
  const line = lines[end.line - 1] ?? '';
  const between = line.slice(end.column, start.column);
  if (!/^\s*=\s*$/.test(between)) return undefined;
  const eq = end.column + between.indexOf('=');
  const out = lines.slice(node.loc.start.line - 1, node.loc.end.line);
  const i = end.line - node.loc.start.line;
  out[i] = `${line.slice(0, eq)}===${line.slice(eq + 1)}`;
  return out.join('\n');
}
