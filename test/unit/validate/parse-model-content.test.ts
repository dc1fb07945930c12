import { describe, expect, it } from 'vitest';
import { parseModelContent } from '../../../src/validate/index.js';
import { fixtureFindings, readLlmFixture } from './llm-fixtures.js';

const EXPECTED = 'expected one JSON object {"findings": [...]}';

/** The titles of the findings parseModelContent returned; fails the test on ok: false. */
function titles(content: string): unknown[] {
  const result = parseModelContent(content);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.findings.map((f) => (f as { title?: unknown }).title);
}

function errorOf(content: string): string {
  const result = parseModelContent(content);
  if (result.ok) throw new Error('expected ok: false');
  expect(result.error).not.toMatch(/[\r\n]/);
  return result.error;
}

describe('parseModelContent', () => {
  it('parses a whole-JSON envelope and returns its findings unchecked', () => {
    expect(parseModelContent(readLlmFixture('valid-response'))).toEqual({ ok: true, findings: fixtureFindings('valid-response') });
    expect(parseModelContent(readLlmFixture('no-findings'))).toEqual({ ok: true, findings: [] });
    expect(parseModelContent('{"findings": [1, "x", null]}')).toEqual({ ok: true, findings: [1, 'x', null] });
  });

  describe('plain text from a server without structured outputs', () => {
    it('extracts the ```json block, skipping a block of another language', () => {
      expect(titles(readLlmFixture('plain-text-fenced'))).toEqual(['Discount applied twice']);
    });

    it('extracts the object from prose, skipping objects without a "findings" key', () => {
      expect(titles(readLlmFixture('plain-text-prose'))).toEqual(['Discount applied twice']);
    });

    it('takes the first of two JSON objects', () => {
      expect(titles(readLlmFixture('plain-text-two-objects'))).toEqual(['Discount applied twice']);
    });

    it('extracts an untagged fenced block, and one whose prose has braces inside strings', () => {
      expect(titles('Result:\n```\n{"findings": [{"title": "a { b"}]}\n```\n')).toEqual(['a { b']);
      expect(titles('Braces "}{" in prose. {"findings": [{"title": "x } y"}]} done')).toEqual(['x } y']);
    });

    it('reads only ```json or untagged blocks as the answer, not JSON shown in another language', () => {
      const text = 'An example:\n```js\n{"findings": [{"title": "example"}]}\n```\nMy answer:\n```json\n{"findings": [{"title": "real"}]}\n```\n';
      expect(titles(text)).toEqual(['real']);
    });

    it('finds the object after a lone brace in prose', () => {
      expect(titles('The `{` on line 3 is never closed.\n{"findings": [{"title": "t"}]}')).toEqual(['t']);
    });

    it('checks the extracted envelope as strictly as a whole one', () => {
      expect(errorOf('Here: {"findings": [], "notes": "none"}')).toBe(
        `unexpected top-level key "notes": ${EXPECTED} and nothing else`,
      );
    });

    it('gives up on text that holds no envelope, quoting the JSON error', () => {
      expect(errorOf('I found no problems in this diff.')).toMatch(
        /^not JSON \(Unexpected token .+\), and the text holds no JSON object with a "findings" key: expected one JSON object \{"findings": \[\.\.\.\]\}$/,
      );
      expect(errorOf('Example: {"a": 1} and {}')).toMatch(/the text holds no JSON object with a "findings" key/);
    });

    it('gives up within its scan budget on hostile input full of opening braces', () => {
      const result = parseModelContent(`${'{'.repeat(200_000)} {"findings": []}`);
      expect(result.ok).toBe(false);
    });
  });

  describe('malformed content', () => {
    it('refuses truncated JSON (no repair), in one line', () => {
      const error = errorOf(readLlmFixture('truncated'));
      expect(error).toMatch(/^not JSON \(Unterminated string in JSON at position \d+.*\), and the text holds no JSON object/);
      expect(error.endsWith(`: ${EXPECTED}`)).toBe(true);
    });

    it('refuses empty or blank content', () => {
      expect(errorOf(readLlmFixture('empty'))).toBe(`empty content: ${EXPECTED}`);
      expect(errorOf(' \n\t')).toBe(`empty content: ${EXPECTED}`);
    });

    it('caps the model text quoted in the error', () => {
      expect(errorOf(`x${'y'.repeat(10_000)}`).length).toBeLessThan(400);
    });
  });

  describe('envelope mistakes', () => {
    it.each([
      ['envelope-bare-array', `got an array: ${EXPECTED}`],
      ['envelope-double-encoded', `got a string: ${EXPECTED}`],
      ['envelope-nested', `unexpected top-level key "result": ${EXPECTED} and nothing else`],
      ['envelope-extra-key', `unexpected top-level key "summary": ${EXPECTED} and nothing else`],
      ['envelope-findings-object', `"findings" is an object, not an array: ${EXPECTED}`],
      ['envelope-findings-string', `"findings" is a string, not an array: ${EXPECTED}`],
      ['envelope-findings-null', `"findings" is null, not an array: ${EXPECTED}`],
    ] as const)('%s', (name, error) => {
      expect(parseModelContent(readLlmFixture(name))).toEqual({ ok: false, error });
    });

    it('refuses an object without "findings", and JSON scalars', () => {
      expect(errorOf('{}')).toBe(`"findings" is missing: ${EXPECTED}`);
      expect(errorOf('null')).toBe(`got null: ${EXPECTED}`);
      expect(errorOf('42')).toBe(`got a number: ${EXPECTED}`);
    });
  });

  describe('duplicate keys', () => {
    it('keeps the last value of a key written twice, as JSON.parse does', () => {
      const result = parseModelContent(readLlmFixture('duplicate-keys-finding'));
      expect(result.ok && (result.findings[0] as { severity: string }).severity).toBe('critical');
      expect(parseModelContent(readLlmFixture('duplicate-keys-envelope'))).toEqual({ ok: true, findings: [] });
    });
  });
});
