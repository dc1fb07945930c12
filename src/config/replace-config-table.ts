import { renderConfigTable } from './render-config-table.js';
import { replaceMarkedBlock } from './replace-marked-block.js';

/** Marks the start of the generated configuration table in README.md. */
export const CONFIG_TABLE_START = '<!-- config-table:start -->';
/** Marks the end of the generated configuration table in README.md. */
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

const NOTE = '<!-- Generated from src/config by `npm run gen:schema`; edit the schema, not this table. -->';

/**
 * Returns `readme` with the text between the config-table markers replaced by the generated table; the
 * markers and everything outside them are kept byte for byte. Idempotent.
 *
 * @param fileName - used in the error message only.
 * @throws Error - when the markers are missing, repeated or out of order, saying how to add them.
 */
export function replaceConfigTable(readme: string, fileName = 'README.md'): string {
  return replaceMarkedBlock(readme, 'config-table', `${NOTE}\n\n${renderConfigTable()}`, 'configuration table', fileName);
}
