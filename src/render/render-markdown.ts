import type { ReviewResult } from '../review/result.js';
import { codeSpan } from './code-span.js';
import type { RenderContext } from './context.js';
import { formatLocation } from './format-location.js';
import { renderLineComment } from './render-line-comment.js';
import { renderSummaryComment } from './render-summary-comment.js';

/**
 * `--format markdown`: exactly what would be posted on GitHub. The summary comment, then, after a rule,
 * each line comment under a `#### path:line` heading, in the pipeline's order.
 */
export function renderMarkdown(result: ReviewResult, ctx: RenderContext): string {
  const parts = [renderSummaryComment(result, ctx)];
  if (result.findings.length > 0) {
    parts.push('---');
    for (const finding of result.findings) {
      parts.push(`#### ${codeSpan(formatLocation(finding))}`, renderLineComment(finding, ctx));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
