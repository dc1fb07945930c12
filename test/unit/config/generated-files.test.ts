import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, replaceConfigTable } from '../../../src/config/index.js';
import { GENERATED_FILES, README_PATH, ROOT, updateReadme } from '../../../scripts/gen-schemas.js';
import { reviewResultSchema, type ReviewResult } from '../../../src/review/result.js';

const STALE = 'is out of date: run npm run gen:schema and commit the result';

describe('generated files', () => {
  it.each(GENERATED_FILES.map((file) => [file.path, file] as const))('%s is up to date', (path, file) => {
    const onDisk = join(ROOT, path);
    expect(existsSync(onDisk), `${path} is missing: run npm run gen:schema`).toBe(true);
    expect(readFileSync(onDisk, 'utf8'), `${path} ${STALE}`).toBe(file.render());
  });

  it('the configuration and rules tables in README.md are up to date', () => {
    const readme = readFileSync(join(ROOT, README_PATH), 'utf8');
    expect(updateReadme(readme), `the generated tables in ${README_PATH} ${STALE}`).toBe(readme);
  });
});

describe('replaceConfigTable', () => {
  const readme = `# Title\n\nIntro.\n\n${CONFIG_TABLE_START}\nold table\n${CONFIG_TABLE_END}\n\n## Next\n`;

  it('replaces only what is between the markers', () => {
    const updated = replaceConfigTable(readme);
    expect(updated.startsWith(`# Title\n\nIntro.\n\n${CONFIG_TABLE_START}\n<!-- Generated from src/config`)).toBe(true);
    expect(updated.endsWith(`|\n\n${CONFIG_TABLE_END}\n\n## Next\n`)).toBe(true);
    expect(updated).not.toContain('old table');
    expect(updated).toContain('| `max_comments` | integer (0–100) | `10` |');
  });

  it('is idempotent', () => {
    const once = replaceConfigTable(readme);
    expect(replaceConfigTable(once)).toBe(once);
  });

  it('fails with a fix when the markers are missing', () => {
    expect(() => replaceConfigTable('# Title\n')).toThrow(
      'README.md: expected exactly one "<!-- config-table:start -->" followed by one "<!-- config-table:end -->" ' +
        '(found 0 start and 0 end markers): put the two markers on their own lines where the configuration table belongs, then run npm run gen:schema',
    );
  });

  it('fails when the markers are repeated or reversed', () => {
    expect(() => replaceConfigTable(`${CONFIG_TABLE_START}\n${CONFIG_TABLE_START}\n${CONFIG_TABLE_END}\n`)).toThrow(
      '(found 2 start and 1 end marker)',
    );
    expect(() => replaceConfigTable(`${CONFIG_TABLE_END}\n${CONFIG_TABLE_START}\n`, 'docs/x.md')).toThrow(
      'docs/x.md: expected exactly one "<!-- config-table:start -->" followed by one "<!-- config-table:end -->" (found 1 start and 1 end marker, in the wrong order)',
    );
  });
});

describe('schema/review-output.schema.json', () => {
  const file = GENERATED_FILES.find((f) => f.path === 'schema/review-output.schema.json');
  const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(file?.render() ?? '{}') as object);
  const result: ReviewResult = reviewResultSchema.parse({
    version: 1,
    findings: [
      {
        path: 'src/a.ts',
        line: 3,
        endLine: 4,
        severity: 'high',
        category: 'bug',
        source: 'static',
        ruleId: 'self-comparison',
        title: 'Value compared with itself',
        message: 'x === x is always true.',
        confidence: 0.9,
        fingerprint: 'abc',
      },
    ],
    rejected: [{ source: 'llm', reason: 'line-not-in-diff', path: 'src/a.ts', line: 9 }],
    summary: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
    stats: { files: 1, changedLines: 4, skippedFiles: [{ path: 'yarn.lock', reason: 'excluded' }], llm: null, durationMs: 12 },
    notes: [],
  });

  it('accepts a review result', () => {
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts fields added by a later version (the contract only ever adds fields)', () => {
    expect(validate({ ...result, extra: true, stats: { ...result.stats, newStat: 1 } })).toBe(true);
  });

  it('rejects a result without its version', () => {
    const { version: _version, ...withoutVersion } = result;
    expect(validate(withoutVersion)).toBe(false);
  });
});
