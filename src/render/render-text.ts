import picocolors from 'picocolors';
import type { Finding, Severity } from '../findings/finding.js';
import { summarize, type ReviewResult } from '../review/result.js';
import type { RenderContext } from './context.js';
import { formatLlmStats } from './format-llm-stats.js';
import { formatLocation } from './format-location.js';
import { formatRejections } from './format-rejections.js';
import { formatSeverityCounts } from './format-severity-counts.js';
import { neutralizeControls } from './neutralize-controls.js';
import { pluralize } from './pluralize.js';

type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * `--format text`, for terminals: one block per finding in the pipeline's order, then a summary line,
 * notes, skipped files, rejections and LLM usage. Coloured only when `ctx.color` is true; untrusted text
 * has its control characters neutralised so it cannot drive the terminal. No trailing spaces.
 */
export function renderText(result: ReviewResult, ctx: RenderContext): string {
  const c = picocolors.createColors(ctx.color);
  const blocks = result.findings.map((f) => findingBlock(f, c));
  blocks.push(footer(result, c));
  return `${blocks.join('\n\n')}\n`;
}

function findingBlock(f: Finding, c: Colors): string {
  const header = [
    c.bold(literal(formatLocation(f))),
    paintSeverity(f.severity, c),
    f.category,
    c.dim(literal(f.ruleId)),
  ].join('  ');
  const lines = [header, `  ${c.bold(oneLine(f.title))}`];
  if (f.message.trim() !== '') lines.push(...indent(clean(f.message.trim()), 2));
  if (f.suggestion !== undefined) {
    lines.push(`  ${c.dim('suggestion:')}`);
    lines.push(...(f.suggestion === '' ? [`    ${c.dim('(delete these lines)')}`] : indent(clean(f.suggestion), 4, c.green)));
  }
  return lines.join('\n');
}

function footer(result: ReviewResult, c: Colors): string {
  const { files, changedLines, skippedFiles, llm } = result.stats;
  const scope = `${pluralize(files, 'file')}, ${pluralize(changedLines, 'changed line')}`;
  const n = result.findings.length;
  const lines = [
    c.bold(n === 0 ? `No findings in ${scope}` : `${pluralize(n, 'finding')} (${formatSeverityCounts(summarize(result.findings))}) in ${scope}`),
  ];
  if (result.notes.length > 0) {
    lines.push('Notes:', ...result.notes.map((note) => `  - ${oneLine(note)}`));
  }
  if (skippedFiles.length > 0) {
    lines.push(`Skipped ${pluralize(skippedFiles.length, 'file')}:`);
    lines.push(...skippedFiles.map((s) => `  - ${literal(s.path)}: ${oneLine(s.reason)}`));
  }
  const rejections = formatRejections(result.rejected);
  if (rejections !== '') lines.push(oneLine(rejections));
  if (llm !== null) lines.push(formatLlmStats(llm));
  return lines.join('\n');
}

function paintSeverity(severity: Severity, c: Colors): string {
  const label = severity.toUpperCase();
  switch (severity) {
    case 'critical':
      return c.bold(c.red(label));
    case 'high':
      return c.red(label);
    case 'medium':
      return c.yellow(label);
    case 'low':
      return c.blue(label);
    case 'info':
      return c.gray(label);
  }
}

/** Indents every line, leaving empty lines empty and trimming line ends (colour is applied per line). */
function indent(text: string, width: number, paint: (s: string) => string = (s) => s): string[] {
  const pad = ' '.repeat(width);
  return text.split('\n').map((line) => {
    const trimmed = line.trimEnd();
    return trimmed === '' ? '' : pad + paint(trimmed);
  });
}

function clean(text: string): string {
  return neutralizeControls(text);
}

/** Prose on one line: whitespace runs, newlines included, become one space. */
function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

/** Identifiers (paths, rule ids) shown exactly, with a newline made visible rather than breaking the header. */
function literal(text: string): string {
  return clean(text).replace(/\n/g, '\\n');
}
