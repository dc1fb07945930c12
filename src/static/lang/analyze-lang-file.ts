import { parse, type SgNode } from '@ast-grep/napi';
import type { RawFinding, Severity } from '../../findings/finding.js';
import type { LangRule } from './load-lang-rules.js';
import type { LangId } from './languages.js';
import { lowerSeverity } from './lower-severity.js';
import { traceInput } from './trace-input.js';

/** A YAML rule as the pass runs it: the rule plus the severity in force for its Argus rule id. */
export interface EnabledLangRule {
  rule: LangRule;
  severity: Severity;
}

/** Every finding in the file, or why the engine gave up on it. */
export type AnalyzeLangFileResult = { ok: true; findings: RawFinding[] } | { ok: false; reason: 'analysis-error'; detail: string };

/**
 * Parses `text` once as `language` and runs every enabled rule of that language on the tree. tree-sitter
 * recovers from syntax errors, so a file that does not fully parse is still analysed where it can be; an
 * exception from the engine is reported, not thrown. Returns every finding in the file; the caller keeps
 * those on changed lines.
 */
export function analyzeLangFile(path: string, text: string, language: LangId, rules: readonly EnabledLangRule[]): AnalyzeLangFileResult {
  try {
    const root = parse(language, text).root();
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const { rule, severity } of rules) {
      if (rule.language !== language) continue;
      for (const node of root.findAll(rule.matcher)) {
        const start = node.range().start;
        // Two rule files of one concern can match the same call (the value inline and through a variable).
        const key = `${rule.ruleId}:${start.index}`;
        if (seen.has(key)) continue;
        const finding = toFinding(path, language, rule, severity, node);
        if (finding === null) continue;
        seen.add(key);
        findings.push(finding);
      }
    }
    return { ok: true, findings };
  } catch (err) {
    return { ok: false, reason: 'analysis-error', detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

function toFinding(path: string, language: LangId, rule: LangRule, severity: Severity, node: SgNode): RawFinding | null {
  const sink = node.getMatch(rule.sink) ?? node;
  const verdict = traceInput(language, sink);
  if (verdict.kind === 'unknown' && rule.requireInput) return null;
  const range = node.range();
  const traced = verdict.kind === 'tainted';
  return {
    path,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    severity: traced ? severity : lowerSeverity(severity),
    category: rule.category,
    source: 'static',
    ruleId: rule.ruleId,
    title: rule.title,
    message: traced
      ? `${rule.message} The value comes from ${verdict.source} (user input).`
      : `${rule.message} The value is not traced to user input; check where it comes from.`,
    confidence: traced ? 0.9 : 0.55,
  };
}
