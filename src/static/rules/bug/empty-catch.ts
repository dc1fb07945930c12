import type { StaticRule } from '../../rule.js';
import { sourceText } from './source-text.js';

/**
 * `catch (e) {}` with nothing inside, not even a comment. The parser runs without comments (for speed), so an
 * explanatory comment is found by reading the source between the braces. A binding named `_...` or `ignore(d)`
 * states the intent too and is accepted.
 */
export const emptyCatch: StaticRule = {
  // Necessary for any finding: every finding is a `catch` clause (keywords cannot be escaped).
  needs: ['catch'],
  doc: {
    id: 'empty-catch',
    title: 'Empty `catch` block',
    severity: 'low',
    category: 'bug',
    help:
      'An empty `catch` swallows every error thrown in the `try`, including ones nobody anticipated (a typo, a ' +
      'null dereference), so failures vanish without a trace. Handle the error, log it, rethrow what you did not ' +
      'expect, or, when ignoring it is right, leave a comment in the block saying why.',
  },
  create(ctx) {
    return {
      CatchClause(node) {
        if (node.body.body.length > 0) return;
        // `catch (_err) {}` / `catch (ignored) {}`: the name already says the error is ignored on purpose.
        if (node.param?.type === 'Identifier' && /^_|^ignored?$/.test(node.param.name)) return;
        // Only whitespace and comments can sit between the braces of an empty block (`{}` itself needs no reading).
        const { range } = node.body;
        if (range[1] - range[0] > 2 && sourceText(ctx.lines, node.body).slice(1, -1).trim() !== '') return;
        ctx.report({
          node,
          confidence: 0.9,
          message:
            'This `catch` is empty, so any error from the `try` (including unexpected ones) disappears without a trace. Handle or log it, rethrow what you do not expect, or add a comment in the block saying why it is safe to ignore.',
        });
      },
    };
  },
};
