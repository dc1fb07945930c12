import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The official SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif. It declares draft-04 (`id`, `$schema`);
 * its keywords are all draft-07 compatible, so Ajv's default draft-07 validator reads it once those two move.
 */
export function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp: false because one of the schema's patterns (language tags) is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is not installed; these cover the three formats the schema uses.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...schema, $id: String(id) });
}

/** The committed, documented JSON schema of `--format json` (schema/review-output.schema.json). */
export function reviewOutputValidator(): ValidateFunction {
  const file = join(import.meta.dirname, '..', '..', 'schema', 'review-output.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The committed schema is draft-07 (Ajv's default draft).
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
