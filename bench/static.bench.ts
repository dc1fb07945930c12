/*
 * `npm run bench:static`: the speed of the static pass against its parser, TypeScript's own parser and ESLint.
 * The script compiles the sources with tsc (tsconfig.bench.json) and runs the JavaScript, as production runs
 * dist/: under tsx every closure a rule creates also went through esbuild's `__name` helper (keepNames),
 * about 50 ms of a corpus pass that production never pays.
 * Corpus: the JS/TS sources of a fixed list of installed npm packages (bench/lib/load-corpus.ts), read once.
 * Contenders, each timed in a fresh child process of its own (see child mode below), round by round with the
 * order rotating, medians reported:
 *   - TypeScript `createSourceFile` (as typescript-estree calls it): the floor, no ESTree at all;
 *   - typescript-estree `parse` with the options analyze-file.ts uses: what our pass cannot avoid;
 *   - argus engine with no rules (parse + traversal + taint facts), then with every AST rule (`analyzeFile`);
 *   - `runStaticPass` with every line changed (AST pass + secrets scanner + suppressions), the secrets scanner alone;
 *   - ESLint (in-process Linter, flat config) with eslint-plugin-security's recommended rules.
 * Then where the time goes (traversal and taint timed inside their own runs, rules by instrumentation) and
 * both tools' findings per rule. Not part of `npm test`: it prints figures and never asserts on time.
 * Every contender's process runs with the V8 flags production runs the static pass with (`HEAP_FLAGS`,
 * src/static/heap-tuning.ts), the bare parse and ESLint alike; `--v8-defaults` runs them all without.
 * Flags: --runs=N rounds (default 5: one process can settle 10% faster or slower than the next, so the medians
 * need several), --passes=N timed passes per process (default 2), --warmups=N untimed passes per process first
 * (default 3: the JIT needs them; a bare parse ran 3689, 2377, 2134, 1966 ms on its first four passes in one
 * process), --skip-eslint, --v8-defaults.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';
import { analyzeFile, astParseOptions, isAstAnalysable, type EnabledRule } from '../src/static/analyze-file.js';
import { createRuleFilter } from '../src/static/create-rule-filter.js';
import { HEAP_FLAGS, tuneHeap } from '../src/static/heap-tuning.js';
import { AST_RULES } from '../src/static/registry.js';
import { runStaticPass, type StaticInput } from '../src/static/run-static-pass.js';
import { scanSecrets } from '../src/static/secrets/index.js';
import { addTrackerHandlers, createTaintTracker } from '../src/static/taint/create-taint-tracker.js';
import { createHandlerTable, createWalk } from '../src/static/traverse.js';
import { createEslintRunner, FATAL } from './lib/create-eslint-runner.js';
import { instrumentRules } from './lib/instrument-rules.js';
import { loadCorpus, type CorpusFile } from './lib/load-corpus.js';
import { median, min } from './lib/measure-interleaved.js';
import { projectRoot } from './lib/project-root.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
};
const RUNS = flag('runs', 5);
const PASSES = flag('passes', 2);
const WARMUPS = flag('warmups', 3);
const SKIP_ESLINT = args.includes('--skip-eslint');
const V8_DEFAULTS = args.includes('--v8-defaults');
// The in-process figures (traversal, taint, per rule) run as the contenders do; children get the flags on their command line.
if (!V8_DEFAULTS) tuneHeap();
const CHILD = args.find((a) => a.startsWith('--child='))?.slice('--child='.length);

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const noop = (): void => undefined;

// ---- corpus ------------------------------------------------------------------------------------------------

const corpus = loadCorpus(join(projectRoot(import.meta.dirname), 'node_modules'));
const files = corpus.files.filter((f) => isAstAnalysable(f.path));
const tsFiles = files.filter((f) => /\.[cm]?ts$/.test(f.path));
const enabled: EnabledRule[] = AST_RULES.map((rule) => ({ rule, severity: rule.doc.severity }));
let parseableFiles: CorpusFile[] | undefined;
/** The files typescript-estree parses (computed on first use: only some contenders and the report need it). */
const parseable = (): CorpusFile[] =>
  (parseableFiles ??= files.filter((f) => {
    try {
      parse(f.text, astParseOptions(f.path));
      return true;
    } catch {
      return false;
    }
  }));
const lines = files.reduce((n, f) => n + f.lines, 0);
const bytes = files.reduce((n, f) => n + f.text.length, 0);

// ---- contenders --------------------------------------------------------------------------------------------

// typescript-estree names the source `estree.tsx` when JSX is on, `estree.ts` otherwise; the floor parses alike.
const scriptKind = (path: string): ts.ScriptKind => (astParseOptions(path).jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const jsDocParsingMode = astParseOptions('a.ts').jsDocParsingMode === 'none' ? ts.JSDocParsingMode.ParseNone : ts.JSDocParsingMode.ParseAll;
const allLines = new Map(files.map((f) => [f.path, new Set(Array.from({ length: f.lines }, (_, i) => i + 1))]));
const inputs: StaticInput[] = files.map((f) => ({ path: f.path, text: f.text, changedLines: allLines.get(f.path)! }));

/** Parses each file outside the clock, then times only `work` on its AST. */
const timeOnAst = (work: (ast: ReturnType<typeof parse>) => void) => (): number => {
  let ms = 0;
  for (const f of parseable()) {
    const ast = parse(f.text, astParseOptions(f.path));
    const start = performance.now();
    work(ast);
    ms += performance.now() - start;
  }
  return ms;
};

const NAMES = {
  floor: 'TypeScript createSourceFile (floor)',
  parse: 'typescript-estree parse (bare)',
  engine: 'argus engine, no rules',
  ours: `argus AST pass, ${AST_RULES.length} rules (analyzeFile)`,
  pass: 'argus runStaticPass, all lines changed',
  secrets: 'secrets scanner alone, all lines',
  eslint: 'ESLint + security/recommended',
  walk: 'traversal of every node (no-op callbacks)',
  taint: 'traversal + taint tracker, as in the engine',
} as const;
type Key = keyof typeof NAMES;

const forEachFile = (fn: (f: CorpusFile) => unknown) => (): void => {
  for (const f of files) fn(f);
};
const safely = (fn: (f: CorpusFile) => unknown) => (f: CorpusFile): void => {
  try {
    fn(f);
  } catch {
    // A file that does not parse costs its failed attempt, as it does in the pass.
  }
};

/** One pass of a contender over the corpus; those that time only part of their work return their own ms. */
function contender(key: Key): () => number | void {
  switch (key) {
    case 'floor':
      // The call typescript-estree makes (parent pointers on, same JSDoc mode), without the conversion to ESTree.
      return forEachFile((f) => ts.createSourceFile(f.path, f.text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode }, true, scriptKind(f.path)));
    case 'parse':
      return forEachFile(safely((f) => parse(f.text, astParseOptions(f.path))));
    case 'engine':
      return forEachFile((f) => analyzeFile(f.path, f.text, []));
    case 'ours':
      return forEachFile((f) => analyzeFile(f.path, f.text, enabled));
    case 'pass':
      return () => void runStaticPass(inputs, (_id, s) => s);
    case 'secrets':
      return forEachFile((f) => scanSecrets(f.text));
    case 'walk':
      return timeOnAst((ast) => createWalk(ast).run(createHandlerTable(), noop, noop));
    case 'taint':
      return timeOnAst((ast) => {
        // As analyzeFile runs it: the tracker as handlers of its own node types, so leaves are passed over.
        const walk = createWalk(ast);
        const taint = createTaintTracker(walk.parent);
        const table = createHandlerTable();
        addTrackerHandlers(table, taint, 'enter');
        addTrackerHandlers(table, taint, 'leave');
        walk.run(table);
      });
    case 'eslint': {
      const eslint = createEslintRunner(files);
      return () => eslint.run();
    }
  }
}

/**
 * Child mode (`--child=<key>`): times one contender in this fresh process, `WARMUPS` untimed passes then
 * `PASSES` timed ones, and prints the times as JSON. Each contender gets a process of its own because in a
 * shared one the garbage and heap size a contender leaves behind changed the next one's time by up to 30%
 * (the same code measured 1.40x and 1.76x the parse in two runs in a row).
 */
if (CHILD !== undefined) {
  if (!(CHILD in NAMES)) throw new Error(`--child=${CHILD}: not a contender (${Object.keys(NAMES).join(', ')})`);
  const run = contender(CHILD as Key);
  for (let i = 0; i < WARMUPS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const start = performance.now();
    const own = run();
    times.push(typeof own === 'number' ? own : performance.now() - start);
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

console.log(`argus static-pass bench, Node ${process.version}, ${availableParallelism()} CPUs, TypeScript ${ts.version}`);
console.log(
  `corpus: ${fmt(files.length)} files (${tsFiles.length} TypeScript), ${fmt(lines)} lines, ${(bytes / 1e6).toFixed(1)} MB; ` +
    `skipped ${corpus.skipped.minified} minified and ${corpus.skipped.tooLarge} over 1 MB; ` +
    `${files.length - parseable().length} do not parse (typescript-estree), still timed`,
);
console.log(`packages: ${corpus.packages.join(', ')}`);
console.log(`argus AST rules: ${AST_RULES.length} (${AST_RULES.map((r) => r.doc.id).join(', ')})`);

const keys = (Object.keys(NAMES) as Key[]).filter((k) => !(SKIP_ESLINT && k === 'eslint'));
console.log(
  `\ntiming: each contender in its own process, ${WARMUPS} warm-up and ${PASSES} timed pass(es) per process, ` +
    `${RUNS} round(s) with the order rotating; medians of the ${RUNS * PASSES} timed passes`,
);
console.log(
  V8_DEFAULTS
    ? 'V8 flags: none (--v8-defaults); production runs the pass with ' + HEAP_FLAGS.join(' ')
    : `V8 flags: ${HEAP_FLAGS.join(' ')} for every contender, as production runs the static pass (src/static/heap-tuning.ts); --v8-defaults runs without`,
);
const started = performance.now();
const times = new Map<Key, number[]>(keys.map((k) => [k, []]));
for (let round = 0; round < RUNS; round++) {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[(round + i) % keys.length]!;
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, ...(V8_DEFAULTS ? [] : HEAP_FLAGS), import.meta.filename, `--child=${key}`, `--passes=${PASSES}`, `--warmups=${WARMUPS}`],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) {
      console.error(`contender ${key} failed (exit ${child.status}):\n${child.stderr}`);
      process.exit(1);
    }
    times.get(key)!.push(...(JSON.parse(child.stdout) as number[]));
  }
  process.stderr.write(`  round ${round + 1}/${RUNS} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
const ms = (key: Key): number => median(times.get(key)!);
const best = (key: Key): number => min(times.get(key)!);

const parseMs = ms('parse');
console.log(`  ${'contender'.padEnd(46)}${'median ms'.padStart(10)}${'lines/s'.padStart(12)}${'x parse'.padStart(9)}${'min ms'.padStart(9)}`);
for (const key of keys) {
  const t = ms(key);
  const note = key === 'walk' || key === 'taint' ? '  (AST given)' : '';
  console.log(
    `  ${NAMES[key].padEnd(46)}${t.toFixed(0).padStart(10)}${fmt((lines / t) * 1000).padStart(12)}${(t / parseMs).toFixed(2).padStart(9)}` +
      `${best(key).toFixed(0).padStart(9)}${note}`,
  );
}

const ours = ms('ours');
const ratio = (a: Key, b: Key): string => `${(ms(a) / ms(b)).toFixed(2)} (of the minima: ${(best(a) / best(b)).toFixed(2)})`;
console.log('\nratios (of the medians):');
console.log(`  argus AST pass / bare parse      ${ratio('ours', 'parse')}  target <= 1.30`);
if (!SKIP_ESLINT) console.log(`  ESLint / argus AST pass          ${ratio('eslint', 'ours')}  target >= 2.5`);
console.log(`  bare parse / createSourceFile    ${ratio('parse', 'floor')}  the ESTree conversion`);

// ---- where the time goes -----------------------------------------------------------------------------------

const instrumented = instrumentRules(AST_RULES);
const ourCounts = new Map<string, number>(AST_RULES.map((r) => [r.doc.id, 0]));
const bySeverity = new Map<string, number>();
let parseErrors = 0;
// One list for every file: analyzeFile builds the prefilter once per list.
const instrumentedEnabled = instrumented.rules.map((rule) => ({ rule, severity: rule.doc.severity }));
for (const f of files) {
  const result = analyzeFile(f.path, f.text, instrumentedEnabled);
  if (!result.ok) parseErrors++;
  else
    for (const finding of result.findings) {
      ourCounts.set(finding.ruleId, (ourCounts.get(finding.ruleId) ?? 0) + 1);
      bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
    }
}
const engine = ms('engine');
const walkAndTaint = ms('taint');
const rulesMs = Math.max(0, ours - engine);
const pct = (x: number): string => `${((x / ours) * 100).toFixed(0)}%`.padStart(5);
console.log('\nwhere the AST pass spends its time (medians; traversal and taint timed on ready ASTs):');
console.log(`  parse (typescript-estree)              ${parseMs.toFixed(0).padStart(7)} ms ${pct(parseMs)}`);
console.log(`  traversal + taint tracker facts        ${walkAndTaint.toFixed(0).padStart(7)} ms ${pct(walkAndTaint)}`);
console.log(`  rest of the engine (set-up, garbage)   ${Math.max(0, engine - parseMs - walkAndTaint).toFixed(0).padStart(7)} ms`);
console.log(`  rules (all minus no-rule engine)       ${rulesMs.toFixed(0).padStart(7)} ms ${pct(rulesMs)}`);

const { selfMs, calls, taint, overheadMsPerCall } = instrumented;
const net = new Map([...selfMs].map(([id, t]) => [id, Math.max(0, t - calls.get(id)! * overheadMsPerCall)]));
const netTotal = [...net.values()].reduce((a, b) => a + b, 0);
const taintNet = Math.max(0, taint.ms - taint.calls * overheadMsPerCall);
console.log(
  `\nper rule (one instrumented run; own time in create, handlers and atEnd callbacks, minus ${(overheadMsPerCall * 1e6).toFixed(0)} ns ` +
    `of clock per call; rules ${netTotal.toFixed(0)} ms, their ${fmt(taint.calls)} taint queries ${taintNet.toFixed(0)} ms more):`,
);
console.log(`  ${'rule'.padEnd(36)}${'ms'.padStart(9)}${'share'.padStart(8)}${'calls'.padStart(12)}${'findings'.padStart(10)}`);
for (const [id, t] of [...net].sort((a, b) => b[1] - a[1])) {
  console.log(
    `  ${id.padEnd(36)}${t.toFixed(1).padStart(9)}${`${((t / netTotal) * 100).toFixed(0)}%`.padStart(8)}` +
      `${fmt(calls.get(id)!).padStart(12)}${String(ourCounts.get(id) ?? 0).padStart(10)}`,
  );
}
console.log(`  files our pass could not parse: ${parseErrors}`);

// ---- the prefilter changes nothing ---------------------------------------------------------------------------

// Every finding on the corpus, with and without the text prefilter (StaticRule.needs): they must be identical.
const findingKeys = (prefilter: boolean): string[] =>
  files.flatMap((f) => {
    const r = analyzeFile(f.path, f.text, enabled, { prefilter });
    return r.ok ? r.findings.map((x) => `${f.path}:${x.line}:${x.ruleId}:${x.severity}:${x.message}`) : [];
  });
const filtered = findingKeys(true);
const unfiltered = findingKeys(false);
const same = filtered.length === unfiltered.length && filtered.every((k, i) => k === unfiltered[i]);
const ruleFilter = createRuleFilter(AST_RULES);
const withNeeds = AST_RULES.filter((r) => r.needs !== undefined).length;
const skippedRuns = files.reduce((n, f) => n + ruleFilter(f.text).filter((run) => !run).length, 0);
console.log(
  `\nprefilter: ${withNeeds} rules declare needed words; ${fmt(skippedRuns)} of ${fmt(withNeeds * files.length)} of their file runs skipped ` +
    `(${((skippedRuns / (withNeeds * files.length)) * 100).toFixed(0)}%); findings with and without it ${same ? 'identical' : 'DIFFER'} ` +
    `(${filtered.length} / ${unfiltered.length})`,
);
if (!same) {
  const a = new Set(filtered);
  for (const k of unfiltered.filter((x) => !a.has(x)).slice(0, 20)) console.log(`  only without the prefilter: ${k}`);
  process.exitCode = 1;
}

// ---- findings ----------------------------------------------------------------------------------------------

const secretCount = files.reduce((n, f) => n + scanSecrets(f.text).length, 0);
console.log(`\nfindings on the corpus (every line; not a quality comparison: the two rule sets differ):`);
const severityList = [...bySeverity].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`).join(', ');
console.log(`  argus: ${[...ourCounts.values()].reduce((a, b) => a + b, 0)} AST findings (${severityList}), ${secretCount} secrets-scanner matches`);
console.log('    (info: values of unknown origin at ambient sinks, below the default min_severity: low)');
if (!SKIP_ESLINT) {
  const counts = [...createEslintRunner(files).count()];
  const security = counts.filter(([k]) => k.startsWith('security/')).sort((a, b) => b[1] - a[1]);
  const fatal = counts.find(([k]) => k === FATAL)?.[1] ?? 0;
  const other = counts.filter(([k]) => !k.startsWith('security/') && k !== FATAL).reduce((n, [, v]) => n + v, 0);
  console.log(`  ESLint + security/recommended: ${security.reduce((n, [, v]) => n + v, 0)} findings, ${fatal} file(s) it could not parse`);
  for (const [id, n] of security) console.log(`    ${id.padEnd(44)}${String(n).padStart(7)}`);
  console.log(`    (${other} other messages not counted: the sources' own eslint comments, naming rules not loaded here)`);
}
