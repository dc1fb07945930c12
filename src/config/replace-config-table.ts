import { renderConfigTable } from './render-config-table.js';

/** Marks the start of the generated configuration table in README.md. */
export const CONFIG_TABLE_START = '<!-- config-table:start -->';
/** Marks the end of the generated configuration table in README.md. */
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

const NOTE = '<!-- Generated from src/config by `npm run gen:schema`; edit the schema, not this table. -->';

function countOf(text: string, marker: string): number {
  return text.split(marker).length - 1;
}

/**
 * Returns `readme` with the text between the config-table markers replaced by the generated table; the
 * markers and everything outside them are kept byte for byte. Idempotent.
 *
 * @param fileName - used in the error message only.
 * @throws Error - when the markers are missing, repeated or out of order, saying how to add them.
 */
export function replaceConfigTable(readme: string, fileName = 'README.md'): string {
  const starts = countOf(readme, CONFIG_TABLE_START);
  const ends = countOf(readme, CONFIG_TABLE_END);
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (starts !== 1 || ends !== 1 || end < start) {
    throw new Error(
      `${fileName}: expected exactly one "${CONFIG_TABLE_START}" followed by one "${CONFIG_TABLE_END}" ` +
        `(found ${starts} start and ${ends} end marker${ends === 1 ? '' : 's'}${starts === 1 && ends === 1 ? ', in the wrong order' : ''}): ` +
        'put the two markers on their own lines where the configuration table belongs, then run npm run gen:schema',
    );
  }
  const before = readme.slice(0, start + CONFIG_TABLE_START.length);
  const after = readme.slice(end);
  return `${before}\n${NOTE}\n\n${renderConfigTable()}\n${after}`;
}
