import { sinkMask } from './fact.js';
import type { ParamRole } from './types.js';

/** Input that is always a string (or strings), so it cannot smuggle a MongoDB operator object. */
const STRING = sinkMask('nosql');
/**
 * Command-line arguments: whoever runs a CLI names files, URLs and keys on purpose, so argv is input for
 * code, commands and queries (a CLI is often run by other programs) but not for paths, URLs, redirects or keys.
 */
const ARGV_SAFE = sinkMask('nosql', 'path', 'url', 'redirect', 'prototype');

/** The fields of each parameter role that hold user input, with the sinks each is already harmless for. */
const ROLE_FIELDS: Readonly<Record<ParamRole, ReadonlyMap<string, number>>> = {
  request: new Map([
    // Express/Koa/Fastify/Hapi/Next request fields; `request` is Koa's `ctx.request`, `raw` Fastify's Node request.
    ['query', 0],
    ['body', 0],
    ['params', STRING],
    ['headers', STRING],
    ['header', STRING],
    ['cookies', 0],
    ['signedCookies', 0],
    ['url', STRING],
    ['originalUrl', STRING],
    ['path', STRING],
    ['querystring', STRING],
    ['search', STRING],
    ['href', STRING],
    ['nextUrl', STRING],
    ['payload', 0],
    ['request', 0],
    ['raw', 0],
    ['files', 0],
    ['file', 0],
  ]),
  'lambda-event': new Map([
    ['body', STRING],
    ['queryStringParameters', STRING],
    ['multiValueQueryStringParameters', STRING],
    ['pathParameters', STRING],
    ['headers', STRING],
    ['multiValueHeaders', STRING],
    ['rawPath', STRING],
    ['rawQueryString', STRING],
    ['cookies', STRING],
    ['path', STRING],
  ]),
  'message-event': new Map([['data', 0]]),
  'route-context': new Map([
    ['params', STRING],
    ['searchParams', STRING],
  ]),
  response: new Map(),
};

/** Request methods that return input: `req.get('X-Forwarded-Host')`, `await request.json()`, `ctx.get(...)`. */
const REQUEST_METHODS: ReadonlyMap<string, number> = new Map([
  ['get', STRING],
  ['header', STRING],
  ['param', 0],
  ['json', 0],
  ['text', STRING],
  ['formData', 0],
  ['arrayBuffer', STRING],
  ['blob', STRING],
]);

/** Parts of `location` an attacker controls through a link; `origin`, `host`, `protocol` are the site's own. */
const LOCATION_INPUT = new Set(['href', 'search', 'hash', 'pathname']);
const DOCUMENT_INPUT = new Set(['cookie', 'URL', 'documentURI', 'referrer', 'baseURI']);
const WINDOW_NAMES = new Set(['window', 'self', 'globalThis', 'top', 'parent']);

/** Calls that return input wherever they are: Next.js client hooks. */
export const SOURCE_CALLS: ReadonlyMap<string, number> = new Map([
  ['useSearchParams', STRING],
  ['useParams', STRING],
]);

/** The safe-sink mask of input read at `path` from a parameter with `role`, or null when that is not input. */
export function roleInput(role: ParamRole, path: readonly string[]): number | null {
  const first = path[0];
  return first === undefined ? null : (ROLE_FIELDS[role].get(first) ?? null);
}

/** The safe-sink mask of what request method `method` returns, or null when it is not a source. */
export function requestMethodInput(method: string): number | null {
  return REQUEST_METHODS.get(method) ?? null;
}

/**
 * The source text and safe-sink mask when the global `name` read at `path` is browser or process input:
 * `location.hash`, `window.location.search`, `document.cookie`, `document.referrer`, `window.name`,
 * `process.argv` (not `argv[0]`/`argv[1]`, the node binary and the script). All of these are strings
 * (harmless as MongoDB operators). Null for any other global.
 */
export function globalInput(name: string, path: readonly string[]): { source: string; safe: number } | null {
  // argv[0] and argv[1] are the node binary and the script: the arguments start at 2.
  if (name === 'process') return path[0] === 'argv' && path[1] !== '0' && path[1] !== '1' ? { source: 'process.argv', safe: ARGV_SAFE } : null;
  const source = browserInput(name, path);
  return source === null ? null : { source, safe: STRING };
}

function browserInput(name: string, path: readonly string[]): string | null {
  if (name === 'location') return locationInput('location', path, 0);
  if (name === 'document') return documentInput(path, 0);
  if (WINDOW_NAMES.has(name)) {
    const first = path[0];
    if (first === 'location') return locationInput(`${name}.location`, path, 1);
    if (first === 'document') return documentInput(path, 1);
    if (first === 'name' && (name === 'window' || name === 'self')) return `${name}.name`;
  }
  return null;
}

function locationInput(text: string, path: readonly string[], at: number): string | null {
  const part = path[at];
  if (part === undefined) return text;
  return LOCATION_INPUT.has(part) ? `${text}.${part}` : null;
}

function documentInput(path: readonly string[], at: number): string | null {
  const part = path[at];
  if (part === undefined) return null;
  if (part === 'location') return locationInput('document.location', path, at + 1);
  return DOCUMENT_INPUT.has(part) ? `document.${part}` : null;
}

