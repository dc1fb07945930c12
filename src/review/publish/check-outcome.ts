import type { GitHubPort } from '../github-port.js';

/** How the "Argus" check run ends: conclusion, title, Markdown summary and annotations. */
export type CheckOutcome = Parameters<GitHubPort['completeCheckRun']>[2];
