import { buildConfigJsonSchema } from './build-config-json-schema.js';
import { collectConfigKeys } from './collect-config-keys.js';

/** Makes text safe inside a Markdown table cell (GitHub needs `\|` even inside code spans). */
export function escapeTableCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * The configuration reference table (key, type, default, description) generated from the config schema,
 * for README.md and docs/configuration.md. Ends with a newline.
 */
export function renderConfigTable(): string {
  const rows = collectConfigKeys(buildConfigJsonSchema()).map((doc) => {
    const fallback = doc.default === undefined ? '' : `\`${JSON.stringify(doc.default)}\``;
    return `| \`${doc.key}\` | ${escapeTableCell(doc.type)} | ${escapeTableCell(fallback)} | ${escapeTableCell(doc.description)} |`;
  });
  return ['| Key | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
