import { z } from 'zod';
import { defineCommand } from './define-command.js';

/** `review` (incremental) and `review full`: queue a review through the App's queue. */
export const reviewCommand = defineCommand({
  name: 'review',
  summary: 'Review the changes since the last review; `full` reviews the whole pull request again.',
  usage: '/argus review [full]',
  where: 'both',
  needsWrite: true,
  costsTokens: true,
  args: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['', 'full'], { error: 'review takes nothing or `full`: /argus review [full]' })),
  async run(ctx, mode) {
    const full = mode === 'full';
    const outcome = await ctx.services.queueReview(full);
    if (outcome === 'full') throw new Error('the review queue is full right now: try again in a few minutes');
    return full
      ? 'Queued a full review of this pull request: the summary and the check run will show the result.'
      : 'Queued a review of the changes since the last review: the summary and the check run will show the result.';
  },
});
