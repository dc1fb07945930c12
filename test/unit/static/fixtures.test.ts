import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS } from '../../../src/static/registry.js';
import { runStaticPass } from '../../../src/static/run-static-pass.js';

/**
 * fixtures/static/ holds, for every rule, true positives marked `expect: <rule-id>` and safe look-alikes
 * marked `ok: <rule-id>` in a trailing comment (`//` or `#`). Each file is scanned with every line
 * counting as changed; the findings must be exactly the `expect` markers: nothing missed, nothing extra.
 * `expect: <rule-id>@<severity>` also pins the finding's severity (values of unknown origin are graded lower).
 */
const ROOT = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'static');
const MARKER = /(?:\/\/|#|\/\*|<!--)\s*(expect|ok):\s*([a-z0-9/,@ -]+?)\s*(?:\*\/|-->)?\s*$/;

interface Marked {
  file: string;
  expected: string[];
  ok: string[];
  /** `line rule-id` -> the severity its `@` pins. */
  severities: Map<string, string>;
}

function markersOf(text: string): { expected: string[]; ok: string[]; severities: Map<string, string> } {
  const expected: string[] = [];
  const ok: string[] = [];
  const severities = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const m = MARKER.exec(line);
    if (!m) return;
    for (const item of m[2]!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [id, severity] = item.split('@');
      const key = `${index + 1} ${id!}`;
      (m[1] === 'expect' ? expected : ok).push(key);
      if (severity !== undefined) severities.set(key, severity);
    }
  });
  return { expected, ok, severities };
}

const files = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && !e.name.endsWith('.md'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
  .sort();

const marked: Marked[] = files.map((file) => ({ file, ...markersOf(readFileSync(join(ROOT, file), 'utf8')) }));

describe('static fixtures', () => {
  it.each(files)('%s: findings are exactly the expect markers', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const all = new Set(text.split(/\r?\n/).map((_, i) => i + 1));
    const { findings, skippedFiles } = runStaticPass([{ path: file, text, changedLines: all }], (_id, s) => s);
    expect(skippedFiles).toEqual([]);
    const got = findings.map((f) => `${f.line} ${f.ruleId}`).sort(byLine);
    const { expected, ok, severities } = markersOf(text);
    expect(got).toEqual([...expected].sort(byLine));
    const pinned = findings.filter((f) => severities.has(`${f.line} ${f.ruleId}`)).map((f) => `${f.line} ${f.ruleId}@${f.severity}`);
    expect(pinned.sort(byLine)).toEqual([...severities].map(([key, severity]) => `${key}@${severity}`).sort(byLine));
    // An ok marker is a promise of silence for that rule on that line.
    expect(got.filter((g) => ok.includes(g))).toEqual([]);
  });

  it('every rule has at least one true positive and one safe look-alike', () => {
    const missing: string[] = [];
    for (const id of RULE_DOCS.keys()) {
      const hasExpect = marked.some((m) => m.expected.some((e) => e.endsWith(` ${id}`)));
      const hasOk = marked.some((m) => m.ok.some((e) => e.endsWith(` ${id}`)));
      if (!hasExpect) missing.push(`${id}: no expect`);
      if (!hasOk) missing.push(`${id}: no ok`);
    }
    expect(missing).toEqual([]);
  });

  it('markers name only rules that exist', () => {
    const unknown = marked.flatMap((m) => [...m.expected, ...m.ok].map((e) => e.split(' ')[1]!).filter((id) => !RULE_DOCS.has(id)).map((id) => `${m.file}: ${id}`));
    expect(unknown).toEqual([]);
  });
});

function byLine(a: string, b: string): number {
  const [la, ra] = a.split(' ');
  const [lb, rb] = b.split(' ');
  return Number(la) - Number(lb) || ra!.localeCompare(rb!);
}
