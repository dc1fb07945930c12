import { describe, expect, it } from 'vitest';
import { corsCredentialsWildcard } from '../../../../src/static/rules/security/cors-credentials-wildcard.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(corsCredentialsWildcard, code, { path: 'src/server.js' });

describe('cors-credentials-wildcard: options', () => {
  it('grades origins that accept everyone at high 0.85 and `*` one grade lower at 0.8', () => {
    const code = [
      'app.use(cors({ origin: true, credentials: true }));',
      'app.use(cors({ origin: /.*/, credentials: true }));',
      'app.use(cors({ origin: (o, cb) => cb(null, o), credentials: true }));',
      'app.use(cors({ origin: function (origin, callback) { callback(null, true); }, credentials: true }));',
      'app.use(cors({ origin: "null", credentials: true }));',
      'io.attach(server, { cors: { origin: "*", credentials: true } });',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'high', 0.85],
      [2, 'high', 0.85],
      [3, 'high', 0.85],
      [4, 'high', 0.85],
      [5, 'high', 0.85],
      [6, 'medium', 0.8],
    ]);
  });

  it('judges a missing origin by the package default: @koa/cors reflects, cors sends *', () => {
    const koa = 'import cors from "@koa/cors";\napp.use(cors({ credentials: true }));';
    const express = 'import cors from "cors";\napp.use(cors({ credentials: true }));';
    const fastify = 'import cors from "@fastify/cors";\nfastify.register(cors, { credentials: true });';
    const unknown = 'app.use(makeCors({ credentials: true }));';
    expect(graded(run(koa))).toEqual([[2, 'high', 0.85]]);
    expect(graded(run(express))).toEqual([[2, 'medium', 0.8]]);
    expect(graded(run(fastify))).toEqual([[2, 'medium', 0.8]]);
    expect(run(unknown)).toEqual([]);
  });

  it('stays quiet on allow-lists, specific origins and wildcards without credentials', () => {
    const code = [
      'app.use(cors({ origin: ["https://a.example"], credentials: true }));',
      'app.use(cors({ origin: "https://a.example", credentials: true }));',
      'app.use(cors({ origin: /^https:\\/\\/([a-z]+\\.)?example\\.com$/, credentials: true }));',
      'app.use(cors({ origin: (o, cb) => cb(null, ALLOWED.includes(o)), credentials: true }));',
      'app.use(cors({ origin: true }));',
      'app.use(cors({ origin: "*", credentials: false }));',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });
});

describe('cors-credentials-wildcard: hand-written headers', () => {
  it('reports a reflected or null origin next to Allow-Credentials in the same function', () => {
    const code = [
      'app.use((req, res, next) => {',
      '  res.header("Access-Control-Allow-Origin", req.header("origin"));',
      '  res.header("Access-Control-Allow-Credentials", true);',
      '  next();',
      '});',
      'export async function GET(request) {',
      '  const origin = request.headers.get("origin");',
      '  return new Response("{}", { headers: { "access-control-allow-origin": origin, "Access-Control-Allow-Credentials": "true" } });',
      '}',
      'function sandboxed(res) {',
      '  res.setHeader("Access-Control-Allow-Origin", "null");',
      '  res.setHeader("Access-Control-Allow-Credentials", "true");',
      '}',
      'function star(res) {',
      '  res.set({ "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "true" });',
      '}',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [2, 'high', 0.85],
      [8, 'high', 0.85],
      [11, 'high', 0.85],
      [15, 'medium', 0.8],
    ]);
  });

  it('accepts a reflected origin that is checked against an allow-list, and headers without credentials', () => {
    const code = [
      'app.use((req, res, next) => {',
      '  const origin = req.headers.origin;',
      '  if (!ALLOWED.some((o) => o === origin)) return next();',
      '  res.setHeader("Access-Control-Allow-Origin", origin);',
      '  res.setHeader("Access-Control-Allow-Credentials", "true");',
      '  next();',
      '});',
      'app.use((req, res, next) => {',
      '  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);',
      '  next();',
      '});',
      'function split(res, req) { res.setHeader("Access-Control-Allow-Origin", req.headers.origin); }',
      'function other(res) { res.setHeader("Access-Control-Allow-Credentials", "true"); }',
    ].join('\n');
    expect(lines(run(code))).toEqual([]);
  });
});
