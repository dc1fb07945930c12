import { isTestPath } from '../../static/rules/performance/is-test-path.js';

/** Prose and documentation: read last, since a bug there rarely breaks anything. */
const DOCS_PATH = /(?:^|\/)(?:docs?|documentation)\/|\.(?:md|mdx|markdown|rst|adoc|txt)$|(?:^|\/)(?:README|CHANGELOG|LICENSE|CONTRIBUTING)(?:\.[^/]*)?$/i;

/** Review order classes, most important first. */
export const REVIEW_CLASSES = ['source', 'test', 'docs'] as const;

/** Which class a changed file belongs to. */
export type ReviewClass = (typeof REVIEW_CLASSES)[number];

/**
 * Whether a path is product code (`source`: anything not a test or a doc, config and build files
 * included), a test/spec/fixture/bench file (`test`), or documentation (`docs`). When a review must be cut
 * short, source is reviewed first, then tests, then docs.
 */
export function reviewClassOf(path: string): ReviewClass {
  if (isTestPath(path)) return 'test';
  if (DOCS_PATH.test(path)) return 'docs';
  return 'source';
}

/**
 * Orders two paths for review: by class (source, test, docs), then by path (code-point order, so the
 * order is the same on every machine and locale).
 */
export function compareReviewPriority(a: string, b: string): number {
  const byClass = REVIEW_CLASSES.indexOf(reviewClassOf(a)) - REVIEW_CLASSES.indexOf(reviewClassOf(b));
  if (byClass !== 0) return byClass;
  return a < b ? -1 : a > b ? 1 : 0;
}
