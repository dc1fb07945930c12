import { z } from 'zod';
import { defineCommand } from './define-command.js';
import { setPaused } from './set-paused.js';

/** `resume`: automatic reviews of this pull request again. */
export const resumeCommand = defineCommand({
  name: 'resume',
  summary: 'Turn automatic reviews of this pull request back on.',
  usage: '/argus resume',
  where: 'both',
  needsWrite: true,
  costsTokens: false,
  args: z.string().max(0, { error: 'resume takes no arguments: /argus resume' }),
  async run(ctx) {
    const changed = await setPaused(ctx, false);
    return changed
      ? 'Resumed: Argus reviews new pushes to this pull request again. `/argus review` reviews what was pushed while paused.'
      : 'Automatic reviews of this pull request are not paused.';
  },
});
