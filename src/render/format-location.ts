import type { Finding } from '../findings/finding.js';

/** `path:line`, or `path:line-endLine` for a multi-line finding. Raw text: callers escape it for their format. */
export function formatLocation(finding: Pick<Finding, 'path' | 'line' | 'endLine'>): string {
  const lines = finding.endLine > finding.line ? `${finding.line}-${finding.endLine}` : `${finding.line}`;
  return `${finding.path}:${lines}`;
}
