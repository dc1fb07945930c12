/** The review events Argus may send. APPROVE is not one of them: a bot must never approve a pull request. */
export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

/**
 * The event for a review, checked at run time too: `requestChanges` arrives from callers' data, and an
 * APPROVE (or anything else) must never reach GitHub whatever a caller passes.
 */
export function reviewEvent(requestChanges: unknown): ReviewEvent {
  if (requestChanges === true) return 'REQUEST_CHANGES';
  if (requestChanges === false) return 'COMMENT';
  throw new Error(`refusing to send review event for requestChanges=${JSON.stringify(requestChanges)}: Argus only comments or requests changes, never approves; pass true or false`);
}
