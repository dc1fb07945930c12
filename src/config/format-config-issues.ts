import type { z } from 'zod';
import { closestMatch } from './closest-match.js';
import { describeValue } from './describe-value.js';
import { objectKeysAt } from './object-keys-at.js';

/** `paths.include[0]`, `rules.sql-injection`; empty for the top level. */
function keyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function prefix(source: string, path: readonly PropertyKey[]): string {
  const key = keyPath(path);
  return key === '' ? `${source}: ` : `${source}: ${key}: `;
}

function unknownKeyLines(issue: z.core.$ZodIssueUnrecognizedKeys, source: string, schema: z.core.$ZodType): string[] {
  const allowed = objectKeysAt(schema, issue.path);
  return issue.keys.map((key) => {
    const suggestion = closestMatch(key, allowed);
    const hint =
      suggestion !== undefined ? `did you mean ${JSON.stringify(suggestion)}?` : `allowed keys: ${allowed.join(', ')}`;
    return `${prefix(source, issue.path)}unknown key ${JSON.stringify(key)} (${hint})`;
  });
}

/**
 * Turns zod issues from validating a config into one line per problem:
 * `<source>: <key path>: expected ..., got ...`, or `<source>: unknown key "x" (did you mean "y"?)`.
 * Messages come from `configErrorMap` or the schemas' own `error`; the value part needs `reportInput: true`.
 */
export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  source: string,
  schema: z.core.$ZodType,
): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeyLines(issue, source, schema);
    if (issue.code === 'invalid_key') {
      const key = JSON.stringify(issue.path.at(-1));
      return issue.issues.map((inner) => `${prefix(source, issue.path.slice(0, -1))}invalid key ${key}: ${inner.message}`);
    }
    const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
    return [`${prefix(source, issue.path)}${issue.message}${got}`];
  });
}
