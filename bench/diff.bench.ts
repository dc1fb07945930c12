/*
 * `npm run bench:diff`: the measurement behind the choice of diff parser (see src/diff/parse-diff.ts).
 * 1. Correctness: every case in fixtures/diff/cases (captured from real git) is parsed by our parser and by
 *    parse-diff and jsdiff's parsePatch, each through a best-effort adapter to our DiffFile model (the adapters
 *    skip "\ No newline" pseudo-lines, strip CRs and number lines, but never re-read the diff text), and
 *    compared with fixtures/diff/cases.json.
 * 2. Speed: a deterministic diff (500 files, ~58k changed lines, 100k diff lines), parsed by each in the same run;
 *    raw (the library's own output) and adapted (to DiffFile, which is what wrapping would cost).
 * Not part of `npm test`: it prints figures and never asserts on time.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePatch, type StructuredPatch } from 'diff';
import parseDiffLib from 'parse-diff';
import { parseDiff, type DiffFile, type DiffLine, type Hunk } from '../src/diff/index.js';
import { summarizeFile, type FileSummary } from '../test/unit/diff/summarize-file.js';

type Parser = (text: string) => unknown;

// ---- corpus ------------------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so the corpus is identical on every run and machine. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Corpus {
  text: string;
  files: number;
  lines: number;
  changed: number;
}

function buildCorpus(fileCount: number, seed: number): Corpus {
  const rand = prng(seed);
  const out: string[] = [];
  let changed = 0;
  const code = (): string => `${'  '.repeat(1 + rand(3))}const v${rand(1000)} = compute(${rand(100000)}, "${'x'.repeat(rand(30))}");`;
  const hex = (): string => rand(0xfffffff).toString(16).padStart(7, '0');
  for (let i = 0; i < fileCount; i++) {
    const path = `src/mod${i % 37}/file-${i}.ts`;
    if (i % 50 === 49) {
      out.push(`diff --git a/${path} b/${path}`, `index ${hex()}..${hex()} 100644`, `Binary files a/${path} and b/${path} differ`);
      continue;
    }
    if (i % 20 === 19) {
      const n = 30 + rand(170);
      out.push(`diff --git a/${path} b/${path}`, 'new file mode 100644', `index 0000000..${hex()}`, '--- /dev/null', `+++ b/${path}`, `@@ -0,0 +1,${n} @@`);
      for (let k = 0; k < n; k++) out.push(`+${code()}`);
      changed += n;
      continue;
    }
    const oldPath = i % 30 === 29 ? `src/old/file-${i}.ts` : path;
    out.push(`diff --git a/${oldPath} b/${path}`);
    if (oldPath !== path) out.push('similarity index 87%', `rename from ${oldPath}`, `rename to ${path}`);
    out.push(`index ${hex()}..${hex()} 100644`, `--- a/${oldPath}`, `+++ b/${path}`);
    let oldNo = 1;
    let newNo = 1;
    const hunks = 4 + rand(16);
    for (let h = 0; h < hunks; h++) {
      oldNo += 5 + rand(40);
      newNo += 5 + rand(40);
      const body: string[] = [];
      let oldCount = 0;
      let newCount = 0;
      const context = (): void => {
        body.push(` ${code()}`);
        oldCount++;
        newCount++;
      };
      for (let k = 0; k < 3; k++) context();
      for (let block = 0; block < 1 + rand(2); block++) {
        const dels = rand(6);
        const adds = 1 + rand(8);
        for (let k = 0; k < dels; k++) body.push(`-${code()}`);
        for (let k = 0; k < adds; k++) body.push(`+${code()}`);
        oldCount += dels;
        newCount += adds;
        changed += dels + adds;
        context();
      }
      for (let k = 0; k < 2; k++) context();
      out.push(`@@ -${oldNo},${oldCount} +${newNo},${newCount} @@ export function f${h}() {`, ...body);
      oldNo += oldCount;
      newNo += newCount;
    }
    if (i % 40 === 0) out.push('\\ No newline at end of file');
  }
  return { text: `${out.join('\n')}\n`, files: fileCount, lines: out.length, changed };
}

// ---- best-effort adapters from each library to DiffFile ----------------------------------------------------

/** Numbers raw `+`/`-`/` ` lines the way DiffFile wants them; shared by both adapters. */
function numberLines(raw: readonly string[], oldStart: number, newStart: number, file: Draft): DiffLine[] {
  const lines: DiffLine[] = [];
  let o = oldStart;
  let n = newStart;
  for (const r of raw) {
    const c = r[0];
    if (c === '\\') continue;
    const content = r.endsWith('\r') ? r.slice(1, -1) : r.slice(1);
    if (c === '+') {
      lines.push({ kind: 'add', content, oldLine: null, newLine: n });
      file.addedLines.add(n);
      file.commentableLines.add(n++);
      file.additions++;
    } else if (c === '-') {
      lines.push({ kind: 'del', content, oldLine: o++, newLine: null });
      file.deletions++;
    } else {
      lines.push({ kind: 'context', content, oldLine: o++, newLine: n });
      file.commentableLines.add(n++);
    }
  }
  return lines;
}

type Draft = Pick<DiffFile, 'additions' | 'deletions'> & { addedLines: Set<number>; commentableLines: Set<number> };

function finish(base: Omit<DiffFile, 'noPatch' | keyof Draft>, draft: Draft): DiffFile {
  let noPatch: DiffFile['noPatch'] = null;
  if (base.hunks.length === 0) {
    if (base.binary) noPatch = 'binary';
    else if (base.oldMode !== null && base.newMode !== null && base.oldMode !== base.newMode) noPatch = 'mode-only';
    else if (base.status === 'added' || base.status === 'deleted') noPatch = 'empty';
    else noPatch = 'unchanged';
  }
  return { ...base, ...draft, noPatch };
}

function emptyDraft(): Draft {
  return { additions: 0, deletions: 0, addedLines: new Set(), commentableLines: new Set() };
}

function fromJsdiff(text: string): DiffFile[] {
  const patches: StructuredPatch[] = parsePatch(text);
  const strip = (name: string | undefined): string | null =>
    name === undefined || name === '/dev/null' ? null : name.replace(/^[ab]\//, '');
  return patches.map((p) => {
    const oldName = strip(p.oldFileName);
    const newName = strip(p.newFileName);
    if (oldName === null && newName === null) throw new Error('no file header');
    const status = p.isCreate || oldName === null ? 'added' : p.isDelete || newName === null ? 'deleted' : p.isRename ? 'renamed' : p.isCopy ? 'copied' : 'modified';
    const path = (status === 'deleted' ? oldName : newName ?? oldName)!;
    const draft = emptyDraft();
    const hunks: Hunk[] = p.hunks.map((h) => {
      // parsePatch adds 1 to a start whose count is 0; DiffFile keeps the header's numbers.
      const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
      const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
      return { oldStart, oldLines: h.oldLines, newStart, newLines: h.newLines, section: '', lines: numberLines(h.lines, h.oldStart, h.newStart, draft) };
    });
    return finish({ path, oldPath: status === 'added' ? null : (oldName ?? path), status, binary: p.isBinary === true, oldMode: p.oldMode ?? null, newMode: p.newMode ?? null, hunks }, draft);
  });
}

function fromParseDiff(text: string): DiffFile[] {
  const files = parseDiffLib(text);
  if (files.length === 0 && /\S/.test(text)) throw new Error('no file header');
  return files.map((f) => {
    const from = f.from === '/dev/null' ? null : (f.from ?? null);
    const to = f.to === '/dev/null' ? null : (f.to ?? null);
    const status = f.new || from === null ? 'added' : f.deleted || to === null ? 'deleted' : from !== to ? 'renamed' : 'modified';
    const path = (status === 'deleted' ? from : to ?? from) ?? '';
    const draft = emptyDraft();
    const hunks: Hunk[] = f.chunks.map((c) => ({
      oldStart: c.oldStart, oldLines: c.oldLines, newStart: c.newStart, newLines: c.newLines,
      section: c.content.replace(/^@@[^@]*@@/, '').trim(),
      lines: numberLines(c.changes.map((x) => x.content), c.oldStart, c.newStart, draft),
    }));
    return finish({ path, oldPath: status === 'added' ? null : (from ?? path), status, binary: false, oldMode: f.oldMode ?? null, newMode: f.newMode ?? null, hunks }, draft);
  });
}

// ---- correctness -------------------------------------------------------------------------------------------

const adapted: Record<string, (text: string) => DiffFile[]> = { argus: parseDiff, 'parse-diff': fromParseDiff, jsdiff: fromJsdiff };

const width = 26;

/** 'ok', or the fields that differ from the expectation (so a wrong mode is not mistaken for a wrong line). */
function mismatch(got: FileSummary[], expected: FileSummary[]): string {
  if (got.length !== expected.length) return `${got.length} files, not ${expected.length}`;
  const wrong = new Set<string>();
  got.forEach((g, i) => {
    const e = expected[i]!;
    if (g.path !== e.path || g.oldPath !== e.oldPath) wrong.add('paths');
    if (g.status !== e.status) wrong.add('status');
    if (g.binary !== e.binary || g.noPatch !== e.noPatch) wrong.add('binary/noPatch');
    if (g.oldMode !== e.oldMode || g.newMode !== e.newMode) wrong.add('modes');
    const section = (l: string): string => (l.startsWith('@@') ? l.replace(/^(@@[^@]*@@).*$/, '$1') : l);
    if (JSON.stringify(g.lines.map(section)) !== JSON.stringify(e.lines.map(section))) wrong.add('lines');
    else if (JSON.stringify(g.lines) !== JSON.stringify(e.lines)) wrong.add('section');
    if (JSON.stringify([g.added, g.commentable, g.additions, g.deletions]) !== JSON.stringify([e.added, e.commentable, e.additions, e.deletions])) wrong.add('line sets');
  });
  return wrong.size === 0 ? 'ok' : [...wrong].join(',');
}

function correctness(): void {
  const dir = new URL('../fixtures/diff/', import.meta.url);
  const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as Record<string, FileSummary[] | { throws: string }>;
  const names = Object.keys(adapted);
  const passed = Object.fromEntries(names.map((n) => [n, 0]));
  console.log(`correctness on fixtures/diff/cases (${Object.keys(cases).length} diffs, from real git but for 3 hand-made errors, which must throw):`);
  console.log(`  ${'case'.padEnd(22)}${names.map((n) => n.padEnd(width)).join('')}`);
  for (const [name, expected] of Object.entries(cases)) {
    const text = readFileSync(new URL(`cases/${name}`, dir), 'utf8');
    const cells = names.map((parser) => {
      let verdict: string;
      try {
        const got = adapted[parser]!(text).map(summarizeFile);
        verdict = 'throws' in expected ? 'no error' : mismatch(got, expected);
      } catch {
        verdict = 'throws' in expected ? 'ok' : 'throws';
      }
      if (verdict === 'ok') passed[parser]!++;
      return verdict.padEnd(width);
    });
    console.log(`  ${name.padEnd(22)}${cells.join('')}`);
  }
  const total = Object.keys(cases).length;
  console.log(`  ${'passed'.padEnd(22)}${names.map((n) => `${passed[n]}/${total}`.padEnd(width)).join('')}\n`);
}

// ---- speed -------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function speed(corpus: Corpus): void {
  const parsers: [string, Parser][] = [
    ['argus parseDiff -> DiffFile', parseDiff],
    ['parse-diff, raw output', parseDiffLib],
    ['jsdiff parsePatch, raw output', parsePatch],
    ['parse-diff + adapter -> DiffFile', fromParseDiff],
    ['jsdiff parsePatch + adapter -> DiffFile', fromJsdiff],
  ];
  const warmups = 5;
  const runs = 21;
  const times = parsers.map((): number[] => []);
  // Interleaved rounds, so a slow patch of the machine hits every parser alike.
  for (let round = 0; round < warmups + runs; round++) {
    parsers.forEach(([, parse], p) => {
      const start = performance.now();
      parse(corpus.text);
      const ms = performance.now() - start;
      if (round >= warmups) times[p]!.push(ms);
    });
  }
  const ours = median(times[0]!);
  console.log(`speed (median of ${runs} interleaved runs after ${warmups} warm-ups; ratio = their time / argus time):`);
  console.log(`  ${'parser'.padEnd(42)}${'ms'.padStart(9)}${'lines/s'.padStart(14)}${'ratio'.padStart(9)}`);
  parsers.forEach(([name], p) => {
    const ms = median(times[p]!);
    const perSecond = Math.round(corpus.lines / (ms / 1000));
    console.log(`  ${name.padEnd(42)}${ms.toFixed(1).padStart(9)}${perSecond.toLocaleString('en-US').padStart(14)}${`${(ms / ours).toFixed(2)}x`.padStart(9)}`);
  });
}

const corpus = buildCorpus(500, 42);
const check = parseDiff(corpus.text);
console.log(`argus diff parser bench, Node ${process.version}`);
console.log(
  `corpus: ${corpus.files} files, ${corpus.lines.toLocaleString('en-US')} diff lines, ${corpus.changed.toLocaleString('en-US')} changed lines, ` +
    `${(corpus.text.length / 1e6).toFixed(1)} MB (seed 42; argus parsed ${check.length} files)\n`,
);
correctness();
speed(corpus);
