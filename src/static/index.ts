export { runStaticPass, type StaticInput, type StaticPassResult, type StaticPassOptions, type RuleSeverityLookup } from './run-static-pass.js';
export { runSemgrepPass, type SemgrepPassOptions, type SemgrepPassResult } from './semgrep/index.js';
export { analyzeFile, isAstAnalysable } from './analyze-file.js';
export { AST_RULES, HARDCODED_SECRET_RULE, RULE_DOCS } from './registry.js';
export type { StaticRule, RuleContext, RuleReport, RuleVisitor } from './rule.js';
