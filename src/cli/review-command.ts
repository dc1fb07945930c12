import type { Logger } from 'pino';
import { DiffParseError, parseDiff } from '../diff/index.js';
import { diffContents } from '../local/diff-contents.js';
import { workingTreeContents } from '../local/git-contents.js';
import { InputError } from '../local/input-error.js';
import { loadGitChange } from '../local/load-git-change.js';
import { loadLocalConfig } from '../local/load-local-config.js';
import { readInput } from '../local/read-input.js';
import { runReview } from '../review/run-review.js';
import { emitResult } from './emit-result.js';
import type { CliIo } from './io.js';
import { resolveCliLlm } from './resolve-cli-llm.js';
import type { CommonOptions } from './main.js';

/** `argus review --diff FILE | --base REF [--head REF]`. Returns the exit code. */
export async function reviewCommand(
  opts: { diff?: string; base?: string; head?: string },
  common: CommonOptions,
  io: CliIo,
  log: Logger,
): Promise<number> {
  if ((opts.diff === undefined) === (opts.base === undefined)) {
    throw new InputError('review needs exactly one of --diff FILE, --base REF or --pr owner/repo#123 (see argus review --help)');
  }
  if (opts.head !== undefined && opts.base === undefined) throw new InputError('--head goes with --base (argus review --base main --head HEAD)');

  let change;
  let configOptions;
  if (opts.diff !== undefined) {
    const input = await readInput(opts.diff, 'diff file', io.stdin, io.cwd);
    let files;
    try {
      files = parseDiff(input.text);
    } catch (err) {
      if (!(err instanceof DiffParseError)) throw err;
      throw new InputError(
        input.lossy ? `diff file ${input.name} is not valid UTF-8 text and not a diff` : `diff file ${input.name}: ${err.message}`,
      );
    }
    change = { files, contents: diffContents(files, workingTreeContents(io.cwd)) };
    configOptions = { root: io.cwd };
  } else {
    const git = await loadGitChange(io.cwd, opts.base!, opts.head);
    change = git;
    configOptions = { root: git.root, baseRef: opts.base! };
  }
  const { config, source } = await loadLocalConfig({ ...configOptions, cwd: io.cwd, ...(common.config !== undefined ? { configFile: common.config } : {}) });
  log.debug({ files: change.files.length, configSource: source }, 'reviewing change');

  const result = await runReview({
    files: change.files,
    contents: change.contents,
    config,
    ...resolveCliLlm({ noLlm: !common.llm, config, env: io.env, log }),
  });
  for (const r of result.rejected) log.debug({ rejection: r }, `finding refused: ${r.reason}`);
  log.debug({ findings: result.findings.length, rejected: result.rejected.length, durationMs: result.stats.durationMs }, 'review done');
  return emitResult(result, { format: common.format, failOn: common.failOn, color: common.color }, io);
}
