import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, mergeConfig, defaultConfig, parseConfig, unknownRuleIds } from '../../../../src/config/index.js';
import type { DiffFile } from '../../../../src/diff/types.js';
import { runReview } from '../../../../src/review/run-review.js';

const STUB = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'semgrep', 'bin', 'semgrep');
afterEach(() => vi.unstubAllEnvs());

const TEXT = 'import hashlib\n\ndef fingerprint(body):\n    return hashlib.md5(body).hexdigest()\n';
const file: DiffFile = {
  path: 'svc/fingerprint.py',
  oldPath: null,
  status: 'added',
  binary: false,
  oldMode: null,
  newMode: '100644',
  hunks: [],
  noPatch: null,
  addedLines: new Set([1, 2, 3, 4]),
  commentableLines: new Set([1, 2, 3, 4]),
  additions: 4,
  deletions: 0,
};

async function review(semgrep: object) {
  const config = mergeConfig(defaultConfig(), { semgrep, rules: { 'semgrep/python.lang.security.insecure-hash-algorithms.insecure-hash-algorithm-md5': 'high' } });
  return runReview({ files: [file], contents: { readNewFile: async () => ({ kind: 'text', text: TEXT }) }, config, llmSkipReason: 'not in this test', now: () => 0 });
}

describe('the Semgrep pass inside a review', () => {
  it('adds Semgrep findings, fingerprinted and ranked with the rest, under their config overrides', async () => {
    const result = await review({ enabled: true, binary: STUB });
    expect(result.findings.map((f) => [f.line, f.source, f.ruleId, f.severity])).toEqual([
      [4, 'semgrep', 'semgrep/python.lang.security.insecure-hash-algorithms.insecure-hash-algorithm-md5', 'high'],
    ]);
    expect(result.findings[0]!.fingerprint).toMatch(/\S/);
    expect(result.notes).toEqual(['LLM pass skipped: not in this test']);
  });

  it('puts a Semgrep failure in the notes and still returns the review', async () => {
    vi.stubEnv('SEMGREP_STUB_MODE', 'error-exit');
    const result = await review({ enabled: true, binary: STUB });
    expect(result.findings).toEqual([]);
    expect(result.notes).toHaveLength(2);
    expect(result.notes[0]).toMatch(/^Semgrep pass failed: Semgrep exited with code 2/);
    expect(result.notes[1]).toBe('LLM pass skipped: not in this test');
  });
});

describe('the semgrep config section', () => {
  it('defaults to auto, semgrep on PATH, p/default, 60 s', () => {
    expect(parseConfig('', 'argus.yml').semgrep).toEqual({ enabled: 'auto', binary: null, configs: ['p/default'], timeout_seconds: 60 });
  });

  it('accepts local rule paths and a binary named semgrep', () => {
    const config = parseConfig('semgrep:\n  enabled: true\n  binary: /opt/semgrep/bin/semgrep\n  configs: [tools/semgrep/, p/owasp-top-ten]\n  timeout_seconds: 120\n', 'argus.yml');
    expect(config.semgrep).toEqual({ enabled: true, binary: '/opt/semgrep/bin/semgrep', configs: ['tools/semgrep/', 'p/owasp-top-ten'], timeout_seconds: 120 });
  });

  it('refuses a binary that is not Semgrep, an empty ruleset list and a timeout out of range', () => {
    const errors = (yaml: string): string => {
      try {
        parseConfig(yaml, 'argus.yml');
      } catch (err) {
        if (err instanceof ConfigError) return err.message;
      }
      return '';
    };
    expect(errors('semgrep:\n  binary: /bin/sh\n')).toMatch(/semgrep\.binary: expected a path ending in "semgrep"/);
    expect(errors('semgrep:\n  configs: []\n')).toMatch(/semgrep\.configs: expected at least one ruleset/);
    expect(errors('semgrep:\n  configs: ["--output=/tmp/x"]\n')).toMatch(/semgrep\.configs\[0\]: expected a ruleset/);
    expect(errors('semgrep:\n  timeout_seconds: 0\n')).toMatch(/semgrep\.timeout_seconds: expected a whole number of seconds from 1 to 600/);
    expect(errors('semgrep:\n  enabled: maybe\n')).toMatch(/semgrep\.enabled: expected "auto", true or false/);
  });

  it('accepts semgrep/<check_id> in rules and never calls it unknown', () => {
    const config = parseConfig('rules:\n  semgrep/python.lang.security.audit.eval-detected.eval-detected: "off"\n  sql-injectoin: high\n', 'argus.yml');
    expect(unknownRuleIds(config, ['sql-injection'])).toEqual(['sql-injectoin']);
  });
});
