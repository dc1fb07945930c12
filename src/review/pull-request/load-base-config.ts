import { ConfigError, defaultConfig, parseConfig, type ArgusConfig } from '../../config/index.js';
import type { GitHubPort, PullRequestRef } from '../github-port.js';

/** Where the App reads the repository config. */
export const CONFIG_PATH = '.github/argus.yml';

/** The config in force for a pull request, or the problems that stop the review. */
export type BaseConfig = { ok: true; config: ArgusConfig; source: string } | { ok: false; problems: string[] };

/**
 * Reads `.github/argus.yml` at the BASE commit, never the head: a pull request must not be able to weaken
 * or switch off its own review. No file means the defaults. An invalid file stops the review with the
 * problems listed (one per line, each saying what to fix), rather than silently running with defaults.
 */
export async function loadBaseConfig(github: GitHubPort, ref: PullRequestRef, baseSha: string): Promise<BaseConfig> {
  const text = await github.readFile(ref, baseSha, CONFIG_PATH);
  if (text === null) return { ok: true, config: defaultConfig(), source: 'defaults (no .github/argus.yml on the base branch)' };
  try {
    return { ok: true, config: parseConfig(text, CONFIG_PATH), source: `${CONFIG_PATH} at ${baseSha.slice(0, 7)}` };
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, problems: err.issues };
    throw err;
  }
}
