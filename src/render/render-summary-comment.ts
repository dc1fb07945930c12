import { SEVERITIES, type Finding, type Severity } from '../findings/finding.js';
import { summarize, type ReviewResult } from '../review/result.js';
import { codeSpan } from './code-span.js';
import type { RenderContext } from './context.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatLlmStats } from './format-llm-stats.js';
import { formatLocation } from './format-location.js';
import { formatRejections } from './format-rejections.js';
import { formatSeverityCounts } from './format-severity-counts.js';
import { SUMMARY_MARKER } from './markers.js';
import { pluralize } from './pluralize.js';
import { SEVERITY_EMOJI } from './severity-emoji.js';

/**
 * The PR-level summary comment: hidden marker, verdict, severity table, findings by severity, notes, skipped
 * files, LLM usage and rejections. Every piece of text that came from the code or the LLM is escaped.
 * No trailing newline.
 */
export function renderSummaryComment(result: ReviewResult, _ctx: RenderContext): string {
  const counts = summarize(result.findings);
  const blocks = [SUMMARY_MARKER + '\n## Argus review', verdict(result, counts)];
  if (result.findings.length > 0) {
    blocks.push(severityTable(counts), findingsBySeverity(result.findings));
  }
  if (result.notes.length > 0) {
    blocks.push(['> **Notes**', ...result.notes.map((n) => `> - ${escapeMarkdown(n, { inline: true })}`)].join('\n'));
  }
  const skipped = result.stats.skippedFiles;
  if (skipped.length > 0) {
    const items = skipped.map((s) => `- ${codeSpan(s.path)}: ${escapeMarkdown(s.reason, { inline: true })}`);
    blocks.push(details(`Skipped files (${skipped.length})`, items.join('\n')));
  }
  if (result.stats.llm !== null) blocks.push(escapeMarkdown(formatLlmStats(result.stats.llm)));
  const rejections = formatRejections(result.rejected);
  if (rejections !== '') blocks.push(escapeMarkdown(`${capitalize(rejections)}.`));
  return blocks.join('\n\n');
}

function verdict(result: ReviewResult, counts: Record<Severity, number>): string {
  const { changedLines, files } = result.stats;
  if (result.findings.length === 0) {
    return `No issues found in ${pluralize(changedLines, 'changed line')} of ${pluralize(files, 'file')}.`;
  }
  return `Found ${pluralize(result.findings.length, 'issue')}: ${formatSeverityCounts(counts)}.`;
}

function severityTable(counts: Record<Severity, number>): string {
  const rows = SEVERITIES.map((s) => `| ${SEVERITY_EMOJI[s]} ${s} | ${counts[s]} |`);
  return ['| Severity | Count |', '| :-- | --: |', ...rows].join('\n');
}

/** Grouped most severe first; within a group the pipeline's ranking is kept. */
function findingsBySeverity(findings: readonly Finding[]): string {
  const groups = SEVERITIES.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) }))
    .filter((g) => g.items.length > 0)
    .map(({ severity, items }) => {
      const lines = items.map(
        (f) => `- ${codeSpan(formatLocation(f))} ${escapeMarkdown(f.title, { inline: true })} (${codeSpan(f.ruleId)})`,
      );
      return `**${SEVERITY_EMOJI[severity]} ${severity}**\n\n${lines.join('\n')}`;
    });
  return details(`Findings (${findings.length})`, groups.join('\n\n'));
}

/** A collapsed section; the blank lines let GitHub render the Markdown inside the HTML block. */
function details(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
