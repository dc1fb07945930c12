import type { ReviewResult } from '../review/result.js';
import type { RenderContext } from './context.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSarif } from './render-sarif.js';
import { renderText } from './render-text.js';

/** Output formats of `argus review --format`. */
export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
/** One of {@link FORMATS}. */
export type OutputFormat = (typeof FORMATS)[number];

const RENDERERS: Readonly<Record<OutputFormat, (result: ReviewResult, ctx: RenderContext) => string>> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  markdown: renderMarkdown,
};

/** Renders `result` in `format`. Pure: returns the string, the caller writes it. */
export function render(format: OutputFormat, result: ReviewResult, ctx: RenderContext): string {
  return RENDERERS[format](result, ctx);
}

export type { RenderContext } from './context.js';
export { escapeMarkdown } from './escape-markdown.js';
export { fingerprintMarker, SUMMARY_MARKER } from './markers.js';
export { renderJson } from './render-json.js';
export { renderLineComment } from './render-line-comment.js';
export { renderMarkdown } from './render-markdown.js';
export { renderSarif } from './render-sarif.js';
export { renderSummaryComment } from './render-summary-comment.js';
export { renderText } from './render-text.js';
