/**
 * The command names Argus knows, in the order `help` lists them. The parser needs only the names (the short
 * form `/<name>` triggers for these alone), so they live apart from the registry and its dependencies.
 */
export const COMMAND_NAMES = ['review', 'ask', 'explain', 'dismiss', 'pause', 'resume', 'config', 'help'] as const;

/** A known command's name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** True when `name` (lowercase) is a known command. */
export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
