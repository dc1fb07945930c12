import { describe, expect, it } from 'vitest';
import { unsafeDeserialization } from '../../../../src/static/rules/security/unsafe-deserialization.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string, taint?: Record<string, 'tainted' | 'unknown' | 'constant'>) =>
  runRule(unsafeDeserialization, code, taint ? { taint } : {});

describe('unsafe-deserialization', () => {
  it('grades by the data: traced input critical 0.9, unknown high 0.55, constants not at all', () => {
    const code = ['const serialize = require("node-serialize");', 'serialize.unserialize(body);', 'serialize.unserialize(cached);', 'serialize.unserialize(\'{"a":1}\');'].join('\n');
    expect(graded(run(code, { body: 'tainted', cached: 'unknown' }))).toEqual([
      [2, 'critical', 0.9],
      [3, 'high', 0.55],
    ]);
  });

  it('knows the code-running deserialisers of several packages', () => {
    const code = [
      'import { unserialize } from "php-serialize";',
      'import yaml from "js-yaml";',
      'import v8 from "node:v8";',
      'import * as BSON from "bson";',
      'import Cryo from "cryo";',
      'const funcster = require("funcster");',
      'unserialize(data, { User });',
      'yaml.load(data, { schema: yaml.DEFAULT_FULL_SCHEMA });',
      'yaml.unsafeLoad(data);',
      'v8.deserialize(data);',
      'new v8.Deserializer(data);',
      'BSON.deserialize(data, { evalFunctions: true });',
      'Cryo.parse(data);',
      'funcster.deepDeserialize(data);',
    ].join('\n');
    expect(lines(run(code, { data: 'tainted' }))).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('stays quiet on safe calls of the same packages and on look-alike names', () => {
    const code = [
      'import yaml from "js-yaml";',
      'import { BSON } from "bson";',
      'import serialize from "serialize-javascript";',
      'yaml.load(data);',
      'yaml.load(data, { schema: yaml.JSON_SCHEMA });',
      'BSON.deserialize(data);',
      'BSON.deserialize(data, { evalFunctions: false });',
      'serialize(state);',
      'JSON.parse(data);',
      'qs.parse(data);',
      'unserialize(data);',
    ].join('\n');
    expect(run(code, { data: 'tainted' })).toEqual([]);
  });
});
