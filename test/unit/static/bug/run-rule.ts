import { analyzeFile } from '../../../../src/static/analyze-file.js';
import type { RawFinding } from '../../../../src/findings/finding.js';
import { AST_RULES } from '../../../../src/static/registry.js';

/** Findings of one rule alone on `code` (a .ts file unless `path` says otherwise), so other rules cannot interfere. */
export function runRule(id: string, code: string, path = 'src/app.ts'): RawFinding[] {
  const rule = AST_RULES.find((r) => r.doc.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const result = analyzeFile(path, code, [{ rule, severity: rule.doc.severity }]);
  if (!result.ok) throw new Error(result.detail);
  return result.findings;
}

/** Lines `id` flags in `code`, in order. */
export function linesOf(id: string, code: string, path?: string): number[] {
  return runRule(id, code, path)
    .map((f) => f.line)
    .sort((a, b) => a - b);
}
