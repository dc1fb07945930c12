import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';

const rule = 'floating-promise';

describe('floating-promise', () => {
  it('flags evident promises dropped inside async functions, with an exact `await` fix', () => {
    const code = [
      'async function save(x) { await db.put(x); }',
      'async function handle(x) {',
      '  save(x);',
      '  fetch("/ping");',
      '  new Promise((r) => setTimeout(r, 10));',
      '  Promise.allSettled([save(x)]);',
      '  x && save(x);',
      '  x ? save(x) : save(null);',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([3, 4, 5, 6, 7, 8, 8]);
    const [first] = runRule(rule, code);
    expect(first).toMatchObject({ severity: 'high', confidence: 0.85, suggestion: '  await save(x);' });
    expect(first!.message).toContain('declared `async` (line 1)');
    expect(runRule(rule, code).filter((f) => f.suggestion !== undefined).map((f) => f.line)).toEqual([3, 4, 5, 6]);
  });

  it('knows fs.promises, node:fs/promises and timers/promises however they are imported', () => {
    const code = [
      'import { readFile as rf } from "node:fs/promises";',
      'import fsp from "fs/promises";',
      'import { promises as p2 } from "fs";',
      'const fs = require("fs");',
      'const { setTimeout: wait } = require("timers/promises");',
      'async function go() {',
      '  rf("a");',
      '  fsp.writeFile("b", "");',
      '  p2.unlink("c");',
      '  fs.promises.mkdir("d");',
      '  wait(10);',
      '  fs.readFileSync("e");',
      '  fsp.watch("f");',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([7, 8, 9, 10, 11]);
  });

  it('flags un-awaited async methods called on this', () => {
    const code = [
      'class Repo {',
      '  async flush() {}',
      '  sync() {}',
      '  save = async () => {};',
      '  async close() { this.flush(); this.sync(); this.save(); }',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([5, 5]);
  });

  it('accepts awaited, returned, assigned, chained, passed-on and voided promises', () => {
    const code = [
      'async function save() {}',
      'async function ok(list) {',
      '  await save();',
      '  void save();',
      '  save().catch(() => {});',
      '  save().then(() => {}).finally(() => {});',
      '  const p = save();',
      '  list.push(save());',
      '  await Promise.all([save(), fetch("/x")]);',
      '  return save();',
      '}',
      'const arrow = async () => save();',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('stays out of sync functions and module level, where fire-and-forget is usually deliberate', () => {
    const code = [
      'async function load() {}',
      'function onClick() { load(); }',
      'useEffect(() => { load(); }, []);',
      'load();',
      'app.listen(3000);',
    ].join('\n');
    expect(linesOf(rule, code, 'src/app.tsx')).toEqual([]);
  });

  it('does not know non-promise calls: emitters, responses, servers, shadowed names', () => {
    const code = [
      'async function save() {}',
      'async function h(req, res, emitter, fetch) {',
      '  res.send("ok");',
      '  emitter.emit("done");',
      '  server.listen(0);',
      '  fetch("/x");',
      '  { const save = () => 1; save(); }',
      '}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('ignores a local variable that shadows a fs/promises import', () => {
    const code = ['import { promises } from "node:fs";', 'async function f(x) {', '  const promises = [];', '  promises.push(x);', '}'].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('is not created for a file without `async` (the prefilter), and finds the issue once there is one', () => {
    const code = 'function f() { fetch("/x"); }';
    expect(createRuleFilter(AST_RULES.filter((r) => r.doc.id === rule))(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
    expect(linesOf(rule, 'const f = async () => { fetch("/x"); };')).toEqual([1]);
  });
});
