import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from '../bug/run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';

const rule = 'sync-io-in-handler';

describe('sync-io-in-handler', () => {
  it('flags blocking calls in inline route handlers and middleware, however the module is imported', () => {
    const code = [
      'import fs from "node:fs";',
      'import { execSync as run } from "child_process";',
      'const zlib = require("zlib");',
      'const { pbkdf2Sync } = require("node:crypto");',
      'import bcrypt from "bcryptjs";',
      'app.get("/a", (req, res) => { res.send(fs.readFileSync("a")); });',
      'router.post("/b", auth, function (req, res) { run("ls"); });',
      'app.use((req, res, next) => { zlib.gzipSync(req.body); next(); });',
      'apiRouter.put("/c", async (ctx) => { pbkdf2Sync(ctx.pw, "s", 1e5, 64, "sha512"); });',
      'app.route("/d").get((req, res) => { bcrypt.compareSync(req.body.pw, hash); });',
      'fastify.route({ method: "GET", url: "/e", handler: async (req, reply) => fs.statSync("e") });',
      'fastify.addHook("onRequest", async (req) => { fs.existsSync("x"); });',
      'app.get("/f", (req, res) => { [1].forEach(() => fs.writeFileSync("f", "")); });',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    const [f] = runRule(rule, code);
    expect(f).toMatchObject({ severity: 'medium', category: 'performance' });
    expect(f!.message).toContain('`fs.readFileSync` runs inside a request handler');
    expect(f!.message).toContain('fs.promises.readFile');
  });

  it('flags Next.js API routes, App Router handlers and handlers registered by name', () => {
    const code = [
      'import fs from "fs";',
      'export default function handler(req, res) { fs.readFileSync("a"); }',
      'export async function GET(request) { fs.readdirSync("b"); }',
      'export const POST = async (req) => { fs.readFileSync("c"); };',
      'function list(req, res) { fs.readdirSync("d"); }',
      'const show = (req, res) => { fs.readFileSync("e"); };',
      'app.get("/list", list);',
      'app.get("/show", auth, show);',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([2, 3, 4, 5, 6]);
    expect(linesOf(rule, 'import fs from "fs";\nasync function api(req, res) { fs.readFileSync("a"); }\nexport default api;')).toEqual([2]);
  });

  it('offers `await fs.promises.*` only where the rewrite is exact', () => {
    const code = [
      'import fs from "node:fs";',
      'app.get("/a", async (req, res) => {',
      '  const text = fs.readFileSync("a", "utf8");',
      '  fs.writeFileSync("b", text);',
      '  res.locals.list = fs.readdirSync("c");',
      '  const size = fs.statSync("d").size;',
      '  fs.existsSync("e");',
      '  fs.readFileSync(fd);',
      '  return fs.readFileSync("f");',
      '});',
      'app.get("/b", (req, res) => { const t = fs.readFileSync("a"); });',
      'app.get("/c", async (req, res) => { [1].map(() => { const t = fs.readFileSync("a"); }); });',
    ].join('\n');
    const fixes = new Map(runRule(rule, code).map((f) => [f.line, f.suggestion]));
    expect(fixes.get(3)).toBe('  const text = await fs.promises.readFile("a", "utf8");');
    expect(fixes.get(4)).toBe('  await fs.promises.writeFile("b", text);');
    expect(fixes.get(5)).toBe('  res.locals.list = await fs.promises.readdir("c");');
    expect(fixes.get(9)).toBe('  return await fs.promises.readFile("f");');
    for (const line of [6, 7, 8, 11, 12]) expect(fixes.get(line), `line ${line}`).toBeUndefined();
    expect([...fixes.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 11, 12]);
  });

  it('accepts start-up code, helpers that are not handlers, async APIs, randomBytes and unrelated Sync methods', () => {
    const code = [
      'import fs from "fs";',
      'import crypto from "crypto";',
      'const config = JSON.parse(fs.readFileSync("config.json", "utf8"));',
      'function loadTemplates() { return fs.readdirSync("views"); }',
      'app.get("/a", async (req, res) => {',
      '  const token = crypto.randomBytes(32).toString("hex");',
      '  await fs.promises.readFile("a");',
      '  store.getSync("k");',
      '  cache.get("k", () => fs.readFileSync("x"));',
      '});',
      'emitter.on("data", () => fs.writeFileSync("log", ""));',
      'program.action(() => fs.readFileSync("cli"));',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([9]);
  });

  it('does not know `fs` bound to something else', () => {
    const code = ['import fs from "fs/promises";', 'app.get("/a", async (req, res) => { fs.readFileSync("a"); });'].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('finds blocking calls whose names are spelt with escapes, which hold no `Sync`, one escape per file', () => {
    const handler = '\napp.get("/a", (req, res) => { run("ls"); });';
    const files = [
      'import cp from "child_process";\napp.get("/a", (req, res) => { cp.exec\\u{53}ync("ls"); });',
      `import { "exec\\x53ync" as run } from "child_process";${handler}`,
      `import { "execS\\ync" as run } from "child_process";${handler}`,
      `import { "execSyn\\c" as run } from "child_process";${handler}`,
      `import { "execS\\\nync" as run } from "child_process";${handler}`,
      `import { "execS\\\r\nync" as run } from "child_process";${handler}`,
    ];
    expect(files.map((code) => linesOf(rule, code))).toEqual([[2], [2], [2], [2], [3], [3]]);
  });

  it('is not created for a file without `Sync` or an escape (the prefilter)', () => {
    const code = 'import fs from "fs";\napp.get("/a", (req, res) => { fs.readFile("a", () => res.end()); });';
    expect(createRuleFilter(AST_RULES.filter((r) => r.doc.id === rule))(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
  });
});
