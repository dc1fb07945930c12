import { z } from 'zod';
import { defineCommand } from './define-command.js';
import { setPaused } from './set-paused.js';

/** `pause`: no automatic reviews of this pull request until `resume`. */
export const pauseCommand = defineCommand({
  name: 'pause',
  summary: 'Stop automatic reviews of this pull request (commands still work).',
  usage: '/argus pause',
  where: 'both',
  needsWrite: true,
  costsTokens: false,
  args: z.string().max(0, { error: 'pause takes no arguments: /argus pause' }),
  async run(ctx) {
    const changed = await setPaused(ctx, true);
    return changed
      ? 'Paused: Argus will not review new pushes to this pull request. `/argus review` still reviews on demand; `/argus resume` turns automatic reviews back on.'
      : 'Automatic reviews of this pull request were already paused. `/argus resume` turns them back on.';
  },
});
