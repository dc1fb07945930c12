import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RawFinding, Severity } from '../findings/finding.js';
import type { RuleContext, RuleReport, StaticRule } from './rule.js';
import { createTaintTracker } from './taint/create-taint-tracker.js';
import { traverse } from './traverse.js';

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

export type AnalyzeFileResult = { ok: true; findings: RawFinding[] } | { ok: false; reason: 'parse-error'; detail: string };

/** A rule as the engine runs it: the rule plus the severity in force (after config overrides). */
export interface EnabledRule {
  rule: StaticRule;
  severity: Severity;
}

/**
 * Parses `text` once and runs every enabled rule in one traversal. Returns every finding in the file;
 * the caller keeps those that touch changed lines. A file that does not parse is reported, not thrown.
 */
export function analyzeFile(path: string, text: string, rules: readonly EnabledRule[]): AnalyzeFileResult {
  let ast: TSESTree.Program;
  try {
    ast = parse(text, {
      loc: true,
      range: true,
      jsx: AST_EXTENSIONS.get(extensionOf(path)) ?? false,
      comment: false,
      tokens: false,
      errorOnUnknownASTType: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (err) {
    return { ok: false, reason: 'parse-error', detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
  const lines = text.split(/\r?\n/);
  const findings: RawFinding[] = [];
  const taint = createTaintTracker();
  const deferred: Array<() => void> = [];
  const handlers = new Map<string, Array<(node: TSESTree.Node) => void>>();
  for (const { rule, severity } of rules) {
    const ctx: RuleContext = {
      path,
      lines,
      severity,
      report: (r) => findings.push(toRawFinding(path, rule, severity, r)),
      atEnd: (fn) => deferred.push(fn),
      taint: taint.query,
    };
    for (const [key, handler] of Object.entries(rule.create(ctx))) {
      const list = handlers.get(key) ?? [];
      list.push(handler as (node: TSESTree.Node) => void);
      handlers.set(key, list);
    }
  }
  const exitKeys = new Map<string, string>();
  traverse(
    ast,
    (node) => {
      taint.enter(node);
      const list = handlers.get(node.type);
      if (list) for (const h of list) h(node);
    },
    (node) => {
      let key = exitKeys.get(node.type);
      if (key === undefined) exitKeys.set(node.type, (key = `${node.type}:exit`));
      const list = handlers.get(key);
      if (list) for (const h of list) h(node);
      taint.leave(node);
    },
  );
  for (const fn of deferred) fn();
  return { ok: true, findings };
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
