export { runSemgrepPass, type SemgrepPassOptions, type SemgrepPassResult } from './run-semgrep-pass.js';
export { spawnSemgrep, type SemgrepRun, type SemgrepRunner, type SemgrepRunOutcome } from './spawn-semgrep.js';
export { mapSemgrepResult, semgrepRuleId, SEMGREP_SEVERITY } from './map-semgrep-result.js';
export { semgrepOutputSchema, semgrepResultSchema, semgrepErrorSchema, SEMGREP_SEVERITIES, type SemgrepResult, type SemgrepError } from './semgrep-output-schema.js';
