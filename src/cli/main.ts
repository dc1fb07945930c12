import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../findings/finding.js';
import { InputError } from '../local/input-error.js';
import { FORMATS, type OutputFormat } from '../render/index.js';
import { createLogger } from '../review/logger.js';
import type { CliIo } from './io.js';
import { prReviewCommand } from './pr-review-command.js';
import { reviewCommand } from './review-command.js';
import { scanCommand } from './scan-command.js';
import { VERSION } from './version.js';

/** Options every command shares. */
export interface CommonOptions {
  format: OutputFormat;
  failOn?: Severity;
  llm: boolean;
  config?: string;
  verbose: boolean;
  color: boolean;
}

/** Exit codes: 0 reviewed, 1 findings at or above --fail-on, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * The `argus` command. Returns the exit code instead of exiting, so tests run it in-process. Usage and
 * input errors print one line on stderr that says what to fix; never a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('argus')
    .description('Argus reviews code changes: a static pass (and an LLM pass when configured) that comments only on changed lines.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: () => undefined, // errors are reported once, as one line, below
    })
    .showSuggestionAfterError(true);

  program
    .command('review')
    .description('Review a change: a unified diff (--diff) or your branch against a base (--base).')
    .option('--diff <file>', 'a unified diff to review (- for stdin)')
    .option('--base <ref>', 'review git diff BASE...HEAD in this repository')
    .option('--head <ref>', 'with --base: the head revision (default: the working tree)')
    .option('--pr <pull-request>', 'review a GitHub pull request, owner/repo#123 or its URL (needs GITHUB_TOKEN; a dry run unless --post)')
    .option('--post', 'with --pr: publish the review, summary and check run on the pull request', false)
    .addHelpText(
      'after',
      '\nExamples:\n  argus review --diff change.diff\n  git diff main | argus review --diff -\n  argus review --base origin/main --format markdown\n  GITHUB_TOKEN=... argus review --pr octo/app#42 [--post]',
    )
    .action(async (opts: { diff?: string; base?: string; head?: string; pr?: string; post: boolean }, cmd: Command) => {
      if (opts.pr !== undefined) {
        if (opts.diff !== undefined || opts.base !== undefined) throw new InputError('review takes one of --diff, --base or --pr (see argus review --help)');
        exitCode = await prReviewCommand(opts.pr, opts.post, commonOptions(cmd, io), io, loggerFor(cmd));
        return;
      }
      if (opts.post) throw new InputError('--post goes with --pr (argus review --pr owner/repo#123 --post)');
      exitCode = await reviewCommand(opts, commonOptions(cmd, io), io, loggerFor(cmd));
    });

  program
    .command('scan')
    .description('Run the static pass on whole files or folders; every line counts as changed.')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], _opts: unknown, cmd: Command) => {
      exitCode = await scanCommand(paths, commonOptions(cmd, io), io, loggerFor(cmd));
    });

  for (const cmd of program.commands) addCommonOptions(cmd);

  try {
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      io.stderr.write(`argus: ${err.message.replace(/^error: /, '').split('\n')[0]} (see argus --help)\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      for (const line of err.message.split('\n')) io.stderr.write(`argus: ${line}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    io.stderr.write(`argus: internal error: ${message} (run again with --verbose, and report it if it persists)\n`);
    if (argv.includes('--verbose')) io.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    return EXIT.usage;
  }
}

function addCommonOptions(cmd: Command): void {
  cmd
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--fail-on <severity>', `exit 1 when a finding is at or above this severity (${SEVERITIES.join(', ')})`, parseSeverity)
    .option('--no-llm', 'run the static pass only')
    .option('--config <file>', 'repository config (default: .github/argus.yml)')
    .option('--no-color', 'plain text output even on a terminal')
    .option('--verbose', 'log what Argus does to stderr', false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
}

function parseSeverity(value: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
}

function commonOptions(cmd: Command, io: CliIo): CommonOptions {
  const o = cmd.opts<{ format: OutputFormat; failOn?: Severity; llm: boolean; config?: string; verbose: boolean; color: boolean }>();
  const color = o.color && o.format === 'text' && io.stdout.isTTY === true && !io.env.NO_COLOR;
  return { ...o, color: color || (o.color && o.format === 'text' && !!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') };
}

function loggerFor(cmd: Command) {
  return createLogger({ level: cmd.opts<{ verbose: boolean }>().verbose ? 'debug' : 'silent' });
}
