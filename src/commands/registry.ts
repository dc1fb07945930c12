import type { CommandName } from './command-names.js';
import { askCommand } from './ask-command.js';
import { configCommand } from './config-command.js';
import type { Command } from './define-command.js';
import { dismissCommand } from './dismiss-command.js';
import { explainCommand } from './explain-command.js';
import { helpCommand } from './help-command.js';
import { pauseCommand } from './pause-command.js';
import { resumeCommand } from './resume-command.js';
import { reviewCommand } from './review-command.js';

/** Every command by name; the type makes a name in COMMAND_NAMES without an entry a compile error. */
const BY_NAME = {
  review: reviewCommand,
  ask: askCommand,
  explain: explainCommand,
  dismiss: dismissCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  config: configCommand,
  help: helpCommand,
} as const satisfies Record<CommandName, Command>;

/** The commands in `help` order. */
export const COMMANDS: readonly Command[] = Object.values(BY_NAME);

/** The command named `name` (lowercase), or undefined. */
export function findCommand(name: string): Command | undefined {
  return Object.hasOwn(BY_NAME, name) ? BY_NAME[name as CommandName] : undefined;
}
