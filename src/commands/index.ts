/**
 * Slash commands in pull request comments (`/argus <command>`, `@<app> <command>`, `/<command>`): a pure
 * parser, a typed registry with one file per command, and the dispatcher that checks who may run what,
 * acknowledges, runs and replies.
 */
export { COMMAND_NAMES, isCommandName, type CommandName } from './command-names.js';
export type { CommandContext, CommandServices, CommandSource } from './command-context.js';
export { canWrite, createPermissionCache, PERMISSION_TTL_MS, type PermissionCache } from './create-permission-cache.js';
export { defineCommand, type Command, type CommandSpec, type CommandWhere } from './define-command.js';
export { dispatchCommand, type CommentInput, type DispatchDeps, type DispatchOutcome } from './dispatch-command.js';
export { parseCommand, type ParsedCommand } from './parse-command.js';
export { COMMANDS, findCommand } from './registry.js';
export { createRefusalBudget, REFUSALS_PER_WINDOW, type RefusalBudget } from './create-refusal-budget.js';
