import { MAX_INSTRUCTIONS_LENGTH } from '../../config/index.js';
import { redactText } from '../../static/secrets/index.js';

/** A static finding as the prompt lists it. */
export interface StaticFindingRef {
  path: string;
  line: number;
  ruleId: string;
  title: string;
}

/** The pull request's title and description, when there is a pull request. */
export interface PullRequestText {
  title: string;
  body: string;
}

/** Most static findings listed in one request; the rest are counted. */
export const MAX_STATIC_FINDINGS = 50;
/** Longest PR title sent (characters); the rest is cut with a note. */
export const MAX_PR_TITLE_LENGTH = 300;
/** Longest PR description sent (characters); the rest is cut with a note. Every request repeats it. */
export const MAX_PR_BODY_LENGTH = 8000;

/** Repository instructions, capped like the config caps them and redacted; `(none)` when empty. */
export function formatInstructions(instructions: string): string {
  const text = instructions.trim();
  // Redacted before cutting: a cut through a secret could leave a prefix the scanner no longer recognises.
  return text === '' ? '(none)' : cut(redactText(text), MAX_INSTRUCTIONS_LENGTH);
}

/** Title and description, capped and redacted; a note when the review has no pull request. */
export function formatPullRequest(pr: PullRequestText | null): string {
  if (pr === null) return '(no pull request: a local review of changes)';
  const title = oneLine(cut(redactText(pr.title), MAX_PR_TITLE_LENGTH));
  const body = pr.body.trim() === '' ? '(empty)' : cut(redactText(pr.body.trim()), MAX_PR_BODY_LENGTH);
  return `Title: ${title}\n\nDescription:\n${body}`;
}

/** One line per static finding: `- "path":line rule-id: title`. */
export function formatStaticFinding(f: StaticFindingRef): string {
  return `- ${JSON.stringify(f.path)}:${f.line} ${f.ruleId}: ${oneLine(f.title)}`;
}

/**
 * The static findings on `paths` (all when null), by path and line, at most {@link MAX_STATIC_FINDINGS}
 * with a count of the rest; redacted, since titles can quote code.
 */
export function formatStaticFindings(findings: readonly StaticFindingRef[], paths: ReadonlySet<string> | null): string {
  const listed = findings
    .filter((f) => paths === null || paths.has(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  if (listed.length === 0) return '(none)';
  return redactText(joinCapped(listed.slice(0, MAX_STATIC_FINDINGS).map(formatStaticFinding), listed.length));
}

/**
 * The longest listing {@link formatStaticFindings} can produce for any subset of `findings`: the
 * {@link MAX_STATIC_FINDINGS} longest lines and the largest "more" count. For the fixed-token estimate.
 */
export function formatLongestStaticFindings(findings: readonly StaticFindingRef[]): string {
  if (findings.length === 0) return '(none)';
  const lines = findings.map(formatStaticFinding).sort((a, b) => b.length - a.length);
  return redactText(joinCapped(lines.slice(0, MAX_STATIC_FINDINGS), findings.length));
}

function joinCapped(lines: readonly string[], total: number): string {
  const more = total - lines.length;
  return more > 0 ? `${lines.join('\n')}\n- (${more} more not listed)` : lines.join('\n');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[cut: ${text.length - max} more characters]`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
