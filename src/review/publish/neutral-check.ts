import { escapeMarkdown } from '../../render/escape-markdown.js';
import type { CheckOutcome } from './check-outcome.js';

/** Longest title kept: a check title is one line in GitHub's UI. */
const TITLE_CHARS = 120;

/**
 * The check outcome of a review that did not run: neutral (neither passes nor blocks merging), no annotations.
 * `reason` is one line such as "the pull request is a draft (set review.drafts: true to review drafts)"; the
 * title keeps it without a trailing parenthetical hint ("Skipped: the pull request is a draft"), the summary
 * has it whole.
 */
export function neutralCheck(reason: string): CheckOutcome {
  const line = reason.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || 'no reason given';
  const short = line.replace(/\s*\([^()]*\)$/, '') || line;
  const title = `Skipped: ${short}`;
  return {
    conclusion: 'neutral',
    title: title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title,
    summary: `Argus did not review this pull request: ${escapeMarkdown(line, { inline: true })}.`,
    annotations: [],
  };
}
