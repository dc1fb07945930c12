import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { astParseOptions } from '../../../../src/static/analyze-file.js';
import { createFactRecorder, RECORDED_TYPES, SCOPE_TYPES } from '../../../../src/static/taint/record-facts.js';
import { addHandler, createHandlerTable, createWalk } from '../../../../src/static/traverse.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'static');

describe('createFactRecorder', () => {
  // Every kind of scope, declaration, assignment, mutation, return and named call the recorder knows.
  it.each(['security/sql-injection.ts', 'security/command-injection.js', 'security/prototype-pollution.js', 'security/xss.tsx', 'performance/sequential-await-in-loop.ts'])(
    '%s: records the same facts when it sees only its own node types as when it sees every node',
    (file) => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const ast = parse(text, astParseOptions(file));
      const everyNode = createWalk(ast);
      const seesAll = createFactRecorder(everyNode.parent);
      everyNode.run(createHandlerTable(), seesAll.enter, seesAll.leave);

      const ownTypes = createWalk(ast);
      const seesOwn = createFactRecorder(ownTypes.parent);
      const table = createHandlerTable();
      for (const type of RECORDED_TYPES) addHandler(table, type, false, seesOwn.enter);
      for (const type of SCOPE_TYPES) addHandler(table, type, true, seesOwn.leave);
      ownTypes.run(table);

      expect(seesOwn.facts.scopes.size + seesOwn.facts.pending.length + seesOwn.facts.namedCalls.length).toBeGreaterThan(5);
      expect(seesOwn.facts.pending).toEqual(seesAll.facts.pending);
      expect(seesOwn.facts.namedCalls).toEqual(seesAll.facts.namedCalls);
      expect([...seesOwn.facts.returns]).toEqual([...seesAll.facts.returns]);
      expect([...seesOwn.facts.scopes].map(([scope, names]) => [scope, [...names]])).toEqual(
        [...seesAll.facts.scopes].map(([scope, names]) => [scope, [...names]]),
      );
    },
  );
});
