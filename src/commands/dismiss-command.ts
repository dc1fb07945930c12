import { z } from 'zod';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { dismissMarker } from '../review/feedback/index.js';
import { defineCommand } from './define-command.js';
import { readThreadFinding } from './read-thread-finding.js';

/** Longest dismissal reason kept. */
export const MAX_REASON_LENGTH = 500;

/**
 * `dismiss [reason]`, in the thread of an Argus finding: marks it a false positive. The reply carries the hidden
 * marker that keeps the fingerprint from being raised again on this pull request (see src/review/feedback/).
 */
export const dismissCommand = defineCommand({
  name: 'dismiss',
  summary: 'Mark this finding a false positive: it is not raised again on this pull request.',
  usage: '/argus dismiss [reason]',
  where: 'thread',
  needsWrite: true,
  costsTokens: false,
  args: z.string().trim().max(MAX_REASON_LENGTH, { error: `the reason is longer than ${MAX_REASON_LENGTH} characters: shorten it` }),
  async run(ctx, reason) {
    const { finding } = await readThreadFinding(ctx, '/argus dismiss');
    // Escaped: the reason is user text inside Argus's own comment, and must not forge a marker or a mention.
    const why = reason === '' ? '' : `: ${escapeMarkdown(reason, { inline: true })}`;
    return [
      `Dismissed as a false positive by ${escapeMarkdown(`@${ctx.author}`, { inline: true })}${why}. Argus will not raise this finding (\`${finding.ruleId}\`) again on this pull request.`,
      dismissMarker(finding.fingerprint, finding.ruleId),
    ].join('\n\n');
  },
});
