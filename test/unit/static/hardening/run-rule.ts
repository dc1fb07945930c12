import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RawFinding, Severity } from '../../../../src/findings/finding.js';
import { analyzeFile } from '../../../../src/static/analyze-file.js';
import type { RuleContext, StaticRule } from '../../../../src/static/rule.js';
import { createTaintTracker } from '../../../../src/static/taint/create-taint-tracker.js';
import type { TaintVerdict } from '../../../../src/static/taint/types.js';
import { createHandlerTable, createWalk } from '../../../../src/static/traverse.js';

export interface RunOptions {
  /** Defaults to a .ts path; use .js/.jsx for JSX. */
  path?: string;
  /** The severity in force; defaults to the rule's. */
  severity?: Severity;
  /**
   * Overrides the taint verdict of the identifiers with these names (and member chains rooted at them),
   * so grading by verdict is tested without depending on what the engine infers.
   */
  taint?: Record<string, TaintVerdict['kind']>;
}

/** Runs one rule over `code` through the real engine (parser, traversal, taint tracker). */
export function runRule(rule: StaticRule, code: string, options: RunOptions = {}): RawFinding[] {
  const path = options.path ?? 'src/file.ts';
  const severity = options.severity ?? rule.doc.severity;
  if (!options.taint) {
    const result = analyzeFile(path, code, [{ rule, severity }]);
    if (!result.ok) throw new Error(result.detail);
    return result.findings;
  }
  // With stubbed verdicts: the same steps as analyzeFile, with `taint.of` answered from the table first.
  const ast = parse(code, { loc: true, range: true, jsx: /\.[jt]sx$|\.js$/.test(path) });
  const walk = createWalk(ast);
  const tracker = createTaintTracker(walk.parent);
  const table = options.taint;
  const findings: RawFinding[] = [];
  const deferred: Array<() => void> = [];
  const ctx: RuleContext = {
    path,
    lines: code.split('\n'),
    severity,
    report: (r) =>
      findings.push({
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
        ...(r.suggestion !== undefined ? { suggestion: r.suggestion } : {}),
      }),
    atEnd: (fn) => deferred.push(fn),
    parent: walk.parent,
    taint: {
      ...tracker.query,
      of: (node, sink) => {
        const root = rootName(node);
        const kind = root === null ? undefined : table[root];
        return kind === undefined ? tracker.query.of(node, sink) : { kind, ...(kind === 'tainted' ? { source: root! } : {}) };
      },
    },
  };
  const visitor = rule.create(ctx) as Record<string, ((n: TSESTree.Node) => void) | undefined>;
  walk.run(
    createHandlerTable(),
    (n: TSESTree.Node) => {
      tracker.enter(n);
      visitor[n.type]?.(n);
    },
    (n: TSESTree.Node) => {
      visitor[`${n.type}:exit`]?.(n);
      tracker.leave(n);
    },
  );
  for (let i = 0; i < deferred.length; i++) deferred[i]!();
  return findings;
}

/** Findings as `[line, severity, confidence]`, the shape most assertions compare. */
export function graded(findings: readonly RawFinding[]): Array<[number, Severity, number]> {
  return findings.map((f) => [f.line, f.severity, f.confidence]);
}

/** Lines flagged, in order. */
export function lines(findings: readonly RawFinding[]): number[] {
  return findings.map((f) => f.line).sort((a, b) => a - b);
}

function rootName(node: TSESTree.Node): string | null {
  let n = node;
  while (n.type === 'MemberExpression' || n.type === 'CallExpression' || n.type === 'TSAsExpression') n = n.type === 'CallExpression' ? n.callee : n.type === 'TSAsExpression' ? n.expression : n.object;
  return n.type === 'Identifier' ? n.name : null;
}
