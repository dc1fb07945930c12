import { ALL_SINKS, sinkMask } from './fact.js';

/**
 * How a call to a library or built-in function passes taint from its arguments:
 * - `args`: the result is built from every argument (`path.join`, `Object.keys`, `decodeURIComponent`);
 * - `string`: built from the arguments and always a string (`String(x)`, `JSON.stringify`), so never an
 *   operator object;
 * - `parse`: built from the arguments, and may be an object again (`JSON.parse`, `qs.parse`).
 */
export type CallModel = 'args' | 'string' | 'parse';

/** Models of well-known functions, by canonical name (`path.join` also for `import { join } from 'node:path'`). */
const FUNCTION_MODELS: ReadonlyMap<string, CallModel> = new Map<string, CallModel>([
  ['String', 'string'],
  ['String.raw', 'string'],
  ['JSON.stringify', 'string'],
  ['JSON.parse', 'parse'],
  ['decodeURIComponent', 'string'],
  ['decodeURI', 'string'],
  ['encodeURI', 'string'],
  ['unescape', 'string'],
  ['atob', 'string'],
  ['btoa', 'string'],
  ['structuredClone', 'args'],
  ['Array.from', 'args'],
  ['Array.of', 'args'],
  ['Object.keys', 'args'],
  ['Object.values', 'args'],
  ['Object.entries', 'args'],
  ['Object.fromEntries', 'args'],
  ['Object.assign', 'args'],
  ['Promise.resolve', 'args'],
  ['Buffer.from', 'args'],
  ['Buffer.concat', 'args'],
  ['path.join', 'string'],
  ['path.resolve', 'string'],
  ['path.normalize', 'string'],
  ['path.relative', 'string'],
  ['path.dirname', 'string'],
  ['path.extname', 'string'],
  ['path.format', 'string'],
  ['path.posix.join', 'string'],
  ['path.posix.resolve', 'string'],
  ['path.win32.join', 'string'],
  ['path.win32.resolve', 'string'],
  ['url.parse', 'args'],
  ['url.resolve', 'string'],
  ['url.format', 'string'],
  ['querystring.parse', 'parse'],
  ['querystring.stringify', 'string'],
  ['querystring.unescape', 'string'],
  ['qs.parse', 'parse'],
  ['qs.stringify', 'string'],
  ['util.format', 'string'],
]);

/** Methods whose result is a string (or strings) made from the receiver: `x.trim()`, `x.split(',')`. */
export const STRING_METHODS = new Set([
  'trim',
  'trimStart',
  'trimEnd',
  'trimLeft',
  'trimRight',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'slice',
  'substring',
  'substr',
  'split',
  'concat',
  'replace',
  'replaceAll',
  'padStart',
  'padEnd',
  'repeat',
  'normalize',
  'charAt',
  'toString',
  'join',
]);

/** Methods whose result is part of the receiver, whatever its type: `params.get('q')`, `list.filter(f)`. */
export const COLLECTION_METHODS = new Set(['at', 'get', 'getAll', 'map', 'filter', 'flat', 'flatMap', 'reverse', 'sort', 'find', 'findLast', 'pop', 'shift', 'entries', 'values', 'keys', 'reduce', 'item', 'toArray']);

/** Methods whose result is a boolean or a number: never an injection. */
export const NUMERIC_METHODS = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'test',
  'has',
  'indexOf',
  'lastIndexOf',
  'search',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'some',
  'every',
  'findIndex',
  'findLastIndex',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'getTime',
]);

/** Functions whose result is a number or boolean: safe for every sink. */
const TO_NUMBER = new Set([
  'parseInt',
  'parseFloat',
  'Number',
  'Boolean',
  'BigInt',
  'isNaN',
  'isFinite',
  'Number.parseInt',
  'Number.parseFloat',
  'Number.isInteger',
  'Number.isSafeInteger',
  'Number.isFinite',
  'Number.isNaN',
  'Array.isArray',
  'Date.parse',
]);

const URL_SAFE = sinkMask('html', 'path', 'redirect', 'url', 'nosql');

/** Escaper families, judged by the name (`escapeHtml`, `shellEscape`, `escapeRegExp`, `sanitizeFilename`). */
const ESCAPER_FAMILIES: ReadonlyArray<readonly [RegExp, number]> = [
  [/html|xml|attr/i, sinkMask('html', 'nosql')],
  [/shell|arg|cmd|command/i, sinkMask('command', 'nosql')],
  [/sql|identifier|literal|id$/i, sinkMask('sql', 'nosql')],
  [/reg/i, sinkMask('code', 'nosql')],
  [/url|uri/i, URL_SAFE],
  [/path|file/i, sinkMask('path', 'nosql')],
];

/**
 * The sinks a call makes its argument safe for, by canonical callee name and last segment (0: not a sanitiser):
 * numbers and booleans (`parseInt`, `Number`, `Math.*`, `validator.is*`/`to*`) are safe everywhere;
 * `encodeURIComponent` in HTML, URLs and paths; `path.basename` in paths; `escape*`/`sanitize*` by the family
 * their name names, everywhere when it names none (`escape`, `sanitize`, `DOMPurify.sanitize`).
 */
export function sanitizerMask(name: string, last: string): number {
  if (TO_NUMBER.has(name) || name.startsWith('Math.')) return ALL_SINKS;
  if (name.startsWith('validator.') && /^(is|to|escape)/.test(last)) return ALL_SINKS;
  if (name === 'encodeURIComponent' || name === 'querystring.escape') return URL_SAFE;
  if (name === 'path.basename' || name === 'path.posix.basename' || name === 'path.win32.basename') return sinkMask('path', 'nosql');
  if (/^(escape|sanitiz|sanitis)/i.test(last) || /escape$/i.test(last) || last === 'filterXSS' || last === 'xss') {
    for (const [family, mask] of ESCAPER_FAMILIES) if (family.test(last.replace(/^(escape|sanitize|sanitise)/i, ''))) return mask;
    return ALL_SINKS;
  }
  return 0;
}

/** The model of a well-known function by canonical name, or null. */
export function functionModel(name: string): CallModel | null {
  return FUNCTION_MODELS.get(name) ?? null;
}

/**
 * `x.replace(/[^\w-]/g, '')`: stripping every character outside a class of word characters is a sanitiser.
 * Returns the sinks it makes the result safe for (0 when the pattern is anything else): every sink for
 * `[^a-zA-Z0-9_]` only; `-` kept allows SQL comments (`--`), so SQL is left out then.
 */
export function allowListReplaceMask(pattern: string, flags: string, replacement: unknown): number {
  if (!flags.includes('g') || replacement !== '') return 0;
  const m = /^\[\^((?:\\w|\\d|a-z|A-Z|0-9|_|-)+)\]\+?$/.exec(pattern);
  if (m === null) return 0;
  const literalDash = m[1]!.replace(/a-z|A-Z|0-9/g, '').includes('-');
  return literalDash ? ALL_SINKS & ~sinkMask('sql') : ALL_SINKS;
}
