import type { z } from 'zod';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  boolean: 'true or false',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  array: 'a list',
  null: 'an empty value',
};

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

function unit(origin: string, count: number | bigint): string {
  if (origin === 'string') return count === 1 ? 'character' : 'characters';
  if (origin === 'array' || origin === 'set') return count === 1 ? 'item' : 'items';
  return '';
}

/**
 * Zod error map for config validation: turns each issue into an "expected ..." phrase in the terms of a
 * YAML author ("a mapping", "a list", "true or false"). `formatConfigIssues` adds the key path and the
 * "got ..." part. Schemas with a more specific phrase set their own `error`, which zod prefers over this map.
 */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `expected ${orList(issue.values.map((value) => JSON.stringify(value) ?? String(value)))}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? `expected a string matching ${issue.pattern}`
        : `expected a valid ${issue.format}`;
    case 'too_big': {
      const noun = unit(issue.origin, issue.maximum);
      if (noun) return `expected at most ${issue.maximum} ${noun}`;
      return `expected a number ${issue.inclusive === false ? 'below' : 'no greater than'} ${issue.maximum}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'expected a non-empty string';
      const noun = unit(issue.origin, issue.minimum);
      if (noun) return `expected at least ${issue.minimum} ${noun}`;
      return `expected a number ${issue.inclusive === false ? 'above' : 'no less than'} ${issue.minimum}`;
    }
    default:
      return undefined;
  }
};
