import type { ArgusConfig } from '../../config/index.js';

const REGISTRY_CONFIG = /^(?:[prs]\/|https:\/\/)/;

/**
 * The repository's config as the hosted App applies it. A repository must not make the App's machine run
 * a program or read a path it names: `semgrep.binary` is ignored (the App uses Semgrep from its own PATH)
 * and only registry rulesets (`p/...`, `r/...`, `s/...`, https URLs) are kept from `semgrep.configs`.
 * Returns the config and a note per ignored setting for the summary.
 */
export function hardenAppConfig(config: ArgusConfig): { config: ArgusConfig; notes: string[] } {
  const notes: string[] = [];
  const configs = config.semgrep.configs.filter((c) => REGISTRY_CONFIG.test(c));
  if (config.semgrep.binary !== null) notes.push('Config: semgrep.binary is ignored by the GitHub App (it runs the Semgrep installed with it)');
  const dropped = config.semgrep.configs.filter((c) => !REGISTRY_CONFIG.test(c));
  if (dropped.length > 0) {
    notes.push(`Config: local Semgrep rulesets are ignored by the GitHub App (${dropped.join(', ')}); use registry rulesets like p/default`);
  }
  return {
    config: { ...config, semgrep: { ...config.semgrep, binary: null, configs: configs.length > 0 ? configs : ['p/default'] } },
    notes,
  };
}
