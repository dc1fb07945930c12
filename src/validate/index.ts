/** Validation of the model's output: parse the message, check every finding, cap the comments of a review. */
export { anchorFinding, MOVE_WINDOW, type AnchorInput, type AnchorResult } from './anchor-finding.js';
export { applyCommentLimit } from './apply-comment-limit.js';
export { createSuggestionChecker, type SuggestionChecker, type SuggestionVerdict } from './create-suggestion-checker.js';
export { isCommentableRange } from './is-commentable-range.js';
export {
  LLM_FINDINGS_JSON_SCHEMA,
  LLM_OUTPUT_LIMITS,
  LLM_RESPONSE_FORMAT,
  llmEnvelopeSchema,
  llmFindingSchema,
  type LlmEnvelope,
  type LlmFinding,
} from './llm-output-schema.js';
export { parseModelContent, type ParseModelContentResult } from './parse-model-content.js';
export { countRejections, REJECTION_REASONS, type RejectionReason, type ValidationRejection } from './rejection-reasons.js';
export {
  validateLlmFindings,
  type MovedFinding,
  type ValidationContext,
  type ValidationFile,
  type ValidationOutcome,
} from './validate-llm-findings.js';
