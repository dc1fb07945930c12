import { parse, type TSESTree, type TSESTreeOptions } from '@typescript-eslint/typescript-estree';
import type { RawFinding, Severity } from '../findings/finding.js';
import { createRuleFilter, type RuleFilter } from './create-rule-filter.js';
import type { RuleContext, RuleReport, StaticRule } from './rule.js';
import { addTrackerHandlers, createTaintTracker } from './taint/create-taint-tracker.js';
import type { TaintQuery } from './taint/types.js';
import { addHandler, createHandlerTable, createWalk, type NodeHandler, type ParentOf } from './traverse.js';

const EXIT = ':exit';

/** Extensions the AST pass reads, and whether JSX is on for them. */
const AST_EXTENSIONS: ReadonlyMap<string, boolean> = new Map([
  ['.js', true],
  ['.jsx', true],
  ['.mjs', true],
  ['.cjs', true],
  ['.ts', false],
  ['.mts', false],
  ['.cts', false],
  ['.tsx', true],
]);

/** True when the AST pass can read this path (JS/JSX/TS/TSX/MJS/CJS). */
export function isAstAnalysable(path: string): boolean {
  return AST_EXTENSIONS.has(extensionOf(path)) && !path.endsWith('.d.ts');
}

/** The typescript-estree options the AST pass parses `path` with (exported so the benchmark parses alike). */
export function astParseOptions(path: string): TSESTreeOptions {
  return {
    loc: true,
    range: true,
    jsx: AST_EXTENSIONS.get(extensionOf(path)) ?? false,
    comment: false,
    tokens: false,
    errorOnUnknownASTType: false,
    suppressDeprecatedPropertyWarnings: true,
    // ESTree has no JSDoc nodes and JSDoc problems never fail a parse, so TypeScript can skip reading them.
    jsDocParsingMode: 'none',
  };
}

export type AnalyzeFileResult = { ok: true; findings: RawFinding[] } | { ok: false; reason: 'parse-error'; detail: string };

/** A rule as the engine runs it: the rule plus the severity in force (after config overrides). */
export interface EnabledRule {
  rule: StaticRule;
  severity: Severity;
}

/** Options of `analyzeFile`. */
export interface AnalyzeFileOptions {
  /** Skip rules whose `needs` words are absent from the text (default true; off only to prove it changes nothing). */
  prefilter?: boolean;
}

const FILTERS = new WeakMap<readonly EnabledRule[], RuleFilter>();

/** The prefilter of a rule list, built on its first file (callers pass the same list for every file). */
function filterOf(rules: readonly EnabledRule[]): RuleFilter {
  let filter = FILTERS.get(rules);
  if (filter === undefined) FILTERS.set(rules, (filter = createRuleFilter(rules.map((r) => r.rule))));
  return filter;
}

/**
 * Parses `text` once and runs every enabled rule in one traversal. Returns every finding in the file;
 * the caller keeps those that touch changed lines. A file that does not parse is reported, not thrown.
 */
export function analyzeFile(path: string, text: string, rules: readonly EnabledRule[], options: AnalyzeFileOptions = {}): AnalyzeFileResult {
  let ast: TSESTree.Program;
  try {
    ast = parse(text, astParseOptions(path));
  } catch (err) {
    return { ok: false, reason: 'parse-error', detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
  return analyzeProgram(path, text, ast, rules, options);
}

/** `analyzeFile` on a file already parsed with `astParseOptions(path)`. */
export function analyzeProgram(path: string, text: string, ast: TSESTree.Program, rules: readonly EnabledRule[], options: AnalyzeFileOptions = {}): AnalyzeFileResult {
  const findings: RawFinding[] = [];
  const walk = createWalk(ast);
  const taint = createTaintTracker(walk.parent);
  const deferred: Array<() => void> = [];
  const table = createHandlerTable();
  addTrackerHandlers(table, taint, 'enter');
  const file = new FileText(text);
  const runs = options.prefilter === false ? null : filterOf(rules)(text);
  for (let k = 0; k < rules.length; k++) {
    if (runs !== null && !runs[k]) continue;
    const { rule, severity } = rules[k]!;
    const ctx = new EngineContext(path, rule, severity, findings, deferred, taint.query, walk.parent, file);
    const visitor = rule.create(ctx) as Record<string, NodeHandler | undefined>;
    for (const key of Object.keys(visitor)) {
      const handler = visitor[key];
      if (typeof handler !== 'function') continue;
      const exit = key.endsWith(EXIT);
      addHandler(table, exit ? key.slice(0, -EXIT.length) : key, exit, handler);
    }
  }
  addTrackerHandlers(table, taint, 'leave');
  walk.run(table);
  // An atEnd callback may register another; the index loop runs those too.
  for (let i = 0; i < deferred.length; i++) deferred[i]!();
  return { ok: true, findings };
}

/** A file's text, split into lines on first use: most files give no rule a reason to read it. */
class FileText {
  private split: string[] | undefined;
  constructor(readonly text: string) {}
  lines(): string[] {
    return (this.split ??= this.text.split(/\r?\n/));
  }
}

/**
 * What one rule sees of one file. A class, not an object literal: V8 makes an object literal with a getter a
 * dictionary-mode object (`%HasFastProperties` is false), so every `ctx.x` read in every rule was a hash lookup.
 */
class EngineContext implements RuleContext {
  constructor(
    readonly path: string,
    private readonly rule: StaticRule,
    readonly severity: Severity,
    private readonly findings: RawFinding[],
    private readonly deferred: Array<() => void>,
    readonly taint: TaintQuery,
    readonly parent: ParentOf,
    private readonly file: FileText,
  ) {}
  get lines(): readonly string[] {
    return this.file.lines();
  }
  report(r: RuleReport): void {
    this.findings.push(toRawFinding(this.path, this.rule, this.severity, r));
  }
  atEnd(fn: () => void): void {
    this.deferred.push(fn);
  }
}

function toRawFinding(path: string, rule: StaticRule, severity: Severity, r: RuleReport): RawFinding {
  const finding: RawFinding = {
    path,
    line: r.node.loc.start.line,
    endLine: r.node.loc.end.line,
    severity: r.severity ?? severity,
    category: r.category ?? rule.doc.category,
    source: 'static',
    ruleId: rule.doc.id,
    title: r.title ?? rule.doc.title,
    message: r.message,
    confidence: r.confidence ?? 0.9,
  };
  if (r.suggestion !== undefined) finding.suggestion = r.suggestion;
  return finding;
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}
