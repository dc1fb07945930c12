/**
 * Writes the files generated from the zod schemas: the config JSON schema, the review-output JSON schema,
 * docs/configuration.md and the configuration table in README.md. Run with `npm run gen:schema`;
 * test/unit/config/generated-files.test.ts fails when the committed copies are out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildConfigJsonSchema,
  buildJsonSchema,
  renderConfigReference,
  replaceConfigTable,
  replaceMarkedBlock,
} from '../src/config/index.js';
import { renderRulesReference, renderRulesTable } from '../src/static/render-rules-reference.js';
import { reviewResultSchema } from '../src/review/result.js';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A file generated in full: its path from the repository root and its content. */
export interface GeneratedFile {
  path: string;
  render: () => string;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every fully generated file. README.md is separate: only its marked block is generated. */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'schema/argus.schema.json', render: () => json(buildConfigJsonSchema()) },
  {
    path: 'schema/review-output.schema.json',
    render: () =>
      json(
        buildJsonSchema(reviewResultSchema, {
          id: 'https://unpkg.com/argus-review/schema/review-output.schema.json',
          title: 'Argus review result, version 1',
          description: 'Output of `argus review --format json`. Fields are only ever added. See docs/json-output.md.',
          io: 'output',
          openObjects: true,
        }),
      ),
  },
  { path: 'docs/configuration.md', render: renderConfigReference },
  { path: 'docs/rules.md', render: renderRulesReference },
];

/** README.md with both generated blocks (configuration and rules tables) brought up to date. */
export function updateReadme(readme: string): string {
  return replaceMarkedBlock(replaceConfigTable(readme, README_PATH), 'rules-table', renderRulesTable(), 'rules table', README_PATH);
}

/** The README whose configuration table is generated. */
export const README_PATH = 'README.md';

function main(): void {
  for (const file of GENERATED_FILES) {
    writeFileSync(join(ROOT, file.path), file.render());
    console.log(`wrote ${file.path}`);
  }
  const readmePath = join(ROOT, README_PATH);
  if (existsSync(readmePath)) {
    writeFileSync(readmePath, updateReadme(readFileSync(readmePath, 'utf8')));
    console.log(`updated the configuration and rules tables in ${README_PATH}`);
  } else {
    console.log(`skipped ${README_PATH}: it does not exist yet (add it with the config-table markers, then run again)`);
  }
}

// Run only when executed (tsx scripts/gen-schemas.ts), not when the freshness test imports the file list.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
