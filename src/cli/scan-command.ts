import type { Logger } from 'pino';
import { isPathIncluded } from '../config/index.js';
import { workingTreeContents } from '../local/git-contents.js';
import { loadLocalConfig } from '../local/load-local-config.js';
import { expandScanPaths, wholeFileAsDiff } from '../local/scan-paths.js';
import type { ContentPort, FileContent } from '../review/ports.js';
import { runReview } from '../review/run-review.js';
import { emitResult } from './emit-result.js';
import type { CliIo } from './io.js';
import type { CommonOptions } from './main.js';

/** `argus scan PATH...`: the static pass over whole files, every line counting as changed. */
export async function scanCommand(paths: readonly string[], common: CommonOptions, io: CliIo, log: Logger): Promise<number> {
  const { config, source } = await loadLocalConfig({ root: io.cwd, cwd: io.cwd, ...(common.config !== undefined ? { configFile: common.config } : {}) });
  const files = await expandScanPaths(paths, io.cwd, (p) => isPathIncluded(config, p));
  log.debug({ files: files.length, configSource: source }, 'scanning');

  // Read each file once: its line count shapes the diff, its text feeds the pipeline.
  const disk = workingTreeContents(io.cwd);
  const contents = new Map<string, FileContent>();
  for (const path of files) contents.set(path, await disk.readNewFile(path));
  const port: ContentPort = { readNewFile: async (path) => contents.get(path) ?? disk.readNewFile(path) };
  const diffs = files.map((path) => {
    const content = contents.get(path);
    const lineCount = content?.kind === 'text' ? content.text.split(/\r?\n/).length : 1;
    return wholeFileAsDiff(path, lineCount);
  });

  const result = await runReview({
    files: diffs,
    contents: port,
    config,
    llmSkipReason: common.llm ? 'argus scan runs the static pass only' : 'disabled by --no-llm',
  });
  return emitResult(result, { format: common.format, failOn: common.failOn, color: common.color }, io);
}
