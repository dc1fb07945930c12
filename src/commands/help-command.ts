import { z } from 'zod';
import { defineCommand } from './define-command.js';
import { renderCommandList } from './render-command-list.js';

/** `help`: the list of commands. */
export const helpCommand = defineCommand({
  name: 'help',
  summary: 'List the commands.',
  usage: '/argus help',
  where: 'both',
  needsWrite: false,
  costsTokens: false,
  args: z.string(),
  run: (ctx) => Promise.resolve(`**Argus commands**\n\n${renderCommandList(ctx.commands)}`),
});
