/** Token counting and the packing of review units into requests under the token caps. */
export { countMessageTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS } from './count-tokens.js';
export { packUnits, type PackableUnit, type PackOptions, type PackResult, type SkippedUnit } from './pack-units.js';
export { compareReviewPriority, REVIEW_CLASSES, reviewClassOf, type ReviewClass } from './review-priority.js';
