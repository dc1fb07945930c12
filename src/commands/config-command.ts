import { z } from 'zod';
import { ConfigError, defaultConfig, readConfigYaml, validateConfig } from '../config/index.js';
import { codeSpan } from '../render/code-span.js';
import { hardenAppConfig } from '../review/pull-request/harden-app-config.js';
import { CONFIG_PATH } from '../review/pull-request/load-base-config.js';
import { defineCommand } from './define-command.js';
import { describeConfigSources } from './describe-config-sources.js';

/** Longest value shown in the table; the file itself has the rest. */
const MAX_VALUE_LENGTH = 80;

const SOURCE = { default: 'default', file: CONFIG_PATH, app: 'GitHub App override' } as const;

/** `config`: the configuration in force for this pull request, and where each value came from. */
export const configCommand = defineCommand({
  name: 'config',
  summary: 'Show the configuration in force for this pull request and where each value comes from.',
  usage: '/argus config',
  where: 'both',
  needsWrite: false,
  costsTokens: false,
  args: z.string().max(0, { error: 'config takes no arguments: /argus config' }),
  async run(ctx) {
    const pr = await ctx.github.getPullRequest(ctx.ref);
    const text = await ctx.github.readFile(ctx.ref, pr.baseSha, CONFIG_PATH);
    let raw: unknown = null;
    let parsed = defaultConfig();
    try {
      if (text !== null) {
        raw = readConfigYaml(text, CONFIG_PATH);
        parsed = validateConfig(raw, CONFIG_PATH);
      }
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return [`\`${CONFIG_PATH}\` on the base branch is invalid, so Argus does not review this pull request. Fix:`, '', ...err.issues.map((i) => `- ${codeSpan(i)}`)].join('\n');
    }
    const rows = describeConfigSources(hardenAppConfig(parsed).config, raw, parsed);
    const from = text === null ? `no \`${CONFIG_PATH}\` on the base branch: all defaults` : `\`${CONFIG_PATH}\` at ${pr.baseSha.slice(0, 7)} (the base branch)`;
    return [
      `**Configuration for this pull request** (${from})`,
      '',
      '<details>',
      `<summary>${rows.length} settings, ${rows.filter((r) => r.source !== 'default').length} not default</summary>`,
      '',
      '| Setting | Value | Source |',
      '| :-- | :-- | :-- |',
      ...rows.map((r) => `| \`${r.key}\` | ${codeSpan(shown(r.value)).replace(/\|/g, '\\|')} | ${SOURCE[r.source]} |`),
      '',
      '</details>',
    ].join('\n');
  },
});

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.length <= MAX_VALUE_LENGTH ? json : `${json.slice(0, MAX_VALUE_LENGTH - 1)}…`;
}
