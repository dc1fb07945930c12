import type { Command } from './define-command.js';

const WHERE = { conversation: 'conversation', thread: 'reply to an Argus comment', both: 'anywhere' } as const;

/** The table of commands `help` and the unknown-command reply show, with the short forms and who may run what. */
export function renderCommandList(commands: readonly Command[]): string {
  const rows = commands.map((c) => `| \`${c.usage}\` | ${c.summary} | ${WHERE[c.where]} |${c.needsWrite ? ' ✔ |' : ' |'}`);
  return [
    '| Command | What it does | Where | Needs write access |',
    '| :-- | :-- | :-- | :-: |',
    ...rows,
    '',
    `Write a command at the start of a line. \`/argus <command>\`, \`@<app> <command>\` and the short form \`/<command>\` (e.g. \`/${commands[0]?.name ?? 'review'}\`) all work.`,
  ].join('\n');
}
