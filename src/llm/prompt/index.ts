/**
 * The LLM prompt: review units (hunks with context, numbered, redacted), the versioned templates in
 * prompts/review/, and the chat messages of review and repair requests. Pure: no SDK, no environment.
 */
export { buildReviewUnits, UNIT_DEFAULTS, type BuildUnitsOptions } from './build-review-units.js';
export type { FileSkipReason, ReviewFile, ReviewUnit, ReviewUnitsResult } from './review-unit.js';
export { fileSkipReason, isDefaultExcluded } from './file-skip-reason.js';
export { functionRanges, type LineRange } from './function-ranges.js';
export { planUnitGroups, linePositions, type GroupingOptions, type UnitGroup } from './plan-unit-groups.js';
export { renderUnitRows, MAX_DELETED_RUN, type RowMark, type UnitRow } from './render-unit-rows.js';
export { composeUnit, unitHeader, UNIT_SEPARATOR_TOKENS, type UnitPart } from './compose-unit.js';
export { splitUnit } from './split-unit.js';
export { redactLines, redactText, MAX_SENT_LINE_LENGTH } from '../../static/secrets/index.js';
export { buildReviewMessages, fixedPromptTokens, type ReviewPromptContext, type ReviewPromptInput } from './build-review-messages.js';
export { buildRepairMessages, MAX_ECHOED_ANSWER_LENGTH, MAX_PROBLEM_LENGTH } from './build-repair-messages.js';
export {
  formatInstructions,
  formatPullRequest,
  formatStaticFindings,
  MAX_PR_BODY_LENGTH,
  MAX_PR_TITLE_LENGTH,
  MAX_STATIC_FINDINGS,
  type PullRequestText,
  type StaticFindingRef,
} from './format-prompt-parts.js';
export { loadPromptTemplates, promptTemplates, PROMPT_DIR, PROMPT_VERSION, TEMPLATE_PLACEHOLDERS, type PromptTemplates } from './prompt-templates.js';
export { parseTemplate, renderTemplate, type PromptTemplate } from './render-template.js';
export { readTemplateFile } from './read-template-file.js';
export { createNonce, neutraliseDelimiter, NONCE_LENGTH } from './untrusted-data.js';
