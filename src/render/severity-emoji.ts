import type { Severity } from '../findings/finding.js';

/** The marker shown next to a severity in Markdown. */
export const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};
