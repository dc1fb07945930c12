const MAX_QUOTED_LENGTH = 60;

/**
 * Names a parsed YAML value the way a config author sees it, for the "got ..." part of an error:
 * `"loud"`, `12`, `a list`, `an empty value`. Long strings are summarised rather than echoed.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    return value.length <= MAX_QUOTED_LENGTH ? JSON.stringify(value) : `a ${value.length}-character string`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
