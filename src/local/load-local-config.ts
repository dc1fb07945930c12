import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, defaultConfig, parseConfig, type ArgusConfig } from '../config/index.js';
import { InputError } from './input-error.js';
import { runGit } from './run-git.js';

/** The repository config file, relative to the repository root. */
export const CONFIG_PATH = '.github/argus.yml';

export interface LoadedConfig {
  config: ArgusConfig;
  /** Where it came from: a path, "base:REF:.github/argus.yml", or "defaults". */
  source: string;
}

/**
 * Finds the config for a local run: `--config FILE` when given; else, when reviewing against a base
 * ref, `.github/argus.yml` as it is on the BASE (as the App does, so a change cannot weaken its own
 * review); else the working tree's `.github/argus.yml`; else the defaults.
 */
export async function loadLocalConfig(options: { configFile?: string; root: string; baseRef?: string; cwd: string }): Promise<LoadedConfig> {
  if (options.configFile !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(options.cwd, options.configFile), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
      throw new InputError(`config file ${options.configFile}: ${why} (pass the path of an argus.yml)`);
    }
    return { config: parse(text, options.configFile), source: options.configFile };
  }
  if (options.baseRef !== undefined) {
    const source = `${options.baseRef}:${CONFIG_PATH}`;
    try {
      const text = (await runGit(['show', source], options.root)).toString('utf8');
      return { config: parse(text, source), source };
    } catch (err) {
      if (err instanceof InputError) throw err;
      return { config: defaultConfig(), source: 'defaults' };
    }
  }
  try {
    const text = await readFile(join(options.root, CONFIG_PATH), 'utf8');
    return { config: parse(text, CONFIG_PATH), source: CONFIG_PATH };
  } catch (err) {
    if (err instanceof InputError) throw err;
    return { config: defaultConfig(), source: 'defaults' };
  }
}

function parse(text: string, source: string): ArgusConfig {
  try {
    return parseConfig(text, source);
  } catch (err) {
    if (err instanceof ConfigError) throw new InputError(err.message);
    throw err;
  }
}
