/**
 * Feedback from maintainers, kept on GitHub itself (no database): `/argus dismiss` replies carry a hidden
 * marker, 👎 reactions on Argus's comments count when a user with write permission gave them. A dismissed
 * fingerprint is not raised again on its pull request; with `learn: true` repeated dismissals of a rule lower
 * its severity in the repository.
 */
export { canWrite } from './can-write.js';
export { applyLearnedSeverities } from './apply-learned-severities.js';
export { learnedSeverityDrops, LEARN_THRESHOLD } from './learned-severity-drops.js';
export { withoutDismissed } from './without-dismissed.js';
export { collectDismissals, dismissalsIn, type Dismissal, type DismissalSources } from './collect-dismissals.js';
export { countRepoDismissals, LEARN_COMMENT_LIMIT } from './count-repo-dismissals.js';
export { dismissMarker, parseDismissMarker, type DismissMarker } from './dismiss-marker.js';
export { formatDismissalNote } from './format-dismissal-note.js';
export { readFindingComment, type FindingComment } from './read-finding-comment.js';
