import type { z } from 'zod';
import { closestMatch } from './closest-match.js';
import { describeValue } from './describe-value.js';
import { compareFileOrder, fileOrderOf } from './file-order.js';
import { objectKeysAt } from './object-keys-at.js';

interface Line {
  /** The key the problem is about, for ordering. */
  path: readonly PropertyKey[];
  text: string;
}

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

function issueLines(issue: z.core.$ZodIssue, source: string, schema: z.core.$ZodType): Line[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = objectKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, allowed);
      const hint = suggestion !== undefined ? `did you mean ${JSON.stringify(suggestion)}?` : `allowed keys: ${allowed.join(', ')}`;
      return { path: [...issue.path, key], text: `${prefix(source, issue.path)}unknown key ${JSON.stringify(key)} (${hint})` };
    });
  }
  if (issue.code === 'invalid_key') {
    const key = JSON.stringify(issue.path.at(-1));
    return issue.issues.map((inner) => ({
      path: issue.path,
      text: `${prefix(source, issue.path.slice(0, -1))}invalid key ${key}: ${inner.message}`,
    }));
  }
  const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
  return [{ path: issue.path, text: `${prefix(source, issue.path)}${issue.message}${got}` }];
}

/**
 * Turns zod issues from validating `data` into one line per problem, in the order the keys appear in the
 * file: `<source>: <key path>: expected ..., got ...` or `<source>: unknown key "x" (did you mean "y"?)`.
 * Messages come from `configErrorMap` or the schemas' own `error`; the "got" part needs `reportInput: true`.
 */
export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  source: string,
  schema: z.core.$ZodType,
  data: unknown,
): string[] {
  return issues
    .flatMap((issue) => issueLines(issue, source, schema))
    .map((line) => ({ line, order: fileOrderOf(data, line.path) }))
    .sort((a, b) => compareFileOrder(a.order, b.order))
    .map(({ line }) => line.text);
}
