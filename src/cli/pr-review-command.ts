import type { Logger } from 'pino';
import { reviewWithToken } from '../github/review-with-token.js';
import { InputError } from '../local/input-error.js';
import { emitResult } from './emit-result.js';
import type { CliIo } from './io.js';
import type { CommonOptions } from './main.js';
import { parsePrRef } from './parse-pr-ref.js';

/**
 * `argus review --pr owner/repo#123 [--post]`: the App's review of a pull request with GITHUB_TOKEN, through
 * the same publish code. A dry run by default: GitHub is read, nothing is posted, and the writes a real run
 * would make are listed. Returns the exit code.
 */
export async function prReviewCommand(pr: string, post: boolean, common: CommonOptions, io: CliIo, log: Logger): Promise<number> {
  const ref = parsePrRef(pr);
  if (common.config !== undefined) {
    throw new InputError('--config does not apply to --pr: a pull request is reviewed with .github/argus.yml from its base branch');
  }
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) {
    throw new InputError('GITHUB_TOKEN is not set: export a token that can read the repository (and write pull requests, checks and issues for --post)');
  }
  const env = common.llm ? io.env : { ...io.env, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AZURE_OPENAI_ENDPOINT: undefined };
  const { outcome, skippedWrites } = await reviewWithToken({
    token,
    ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
    ref,
    dryRun: !post,
    env,
    log,
  });
  const name = `${ref.owner}/${ref.repo}#${ref.number}`;
  switch (outcome.status) {
    case 'config-error':
      throw new InputError(`${name}: .github/argus.yml on the base branch is invalid:\n${outcome.problems.join('\n')}`);
    case 'skipped':
      io.stderr.write(`argus: ${name} not reviewed: ${outcome.reason}\n`);
      return 0;
    case 'stale':
      io.stderr.write(`argus: ${name} moved on while it was reviewed; run again\n`);
      return 0;
    case 'already-reviewed':
      io.stderr.write(`argus: ${name} is already reviewed at its head\n`);
      return 0;
    case 'published': {
      const code = emitResult(outcome.result, { format: common.format, failOn: common.failOn, color: common.color }, io);
      const note = post
        ? `argus: posted to ${name}: ${outcome.posted} new comment(s), ${outcome.refused} refused by GitHub, check ${outcome.conclusion}\n`
        : `argus: dry run, nothing posted to ${name} (pass --post to publish):\n${skippedWrites.map((w) => `  would ${w.summary}`).join('\n')}\n`;
      // Machine-readable formats keep stdout clean; the note goes to stderr there.
      (common.format === 'text' ? io.stdout : io.stderr).write(note);
      return code;
    }
  }
}
