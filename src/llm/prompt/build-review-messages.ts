import { argusConfigSchema } from '../../config/index.js';
import { CATEGORIES, SEVERITIES } from '../../findings/finding.js';
import type { ChatMessage } from '../../review/ports.js';
import { countMessageTokens } from '../budget/count-tokens.js';
import {
  formatInstructions,
  formatLongestStaticFindings,
  formatPullRequest,
  formatStaticFindings,
  type PullRequestText,
  type StaticFindingRef,
} from './format-prompt-parts.js';
import { promptTemplates } from './prompt-templates.js';
import { renderTemplate } from './render-template.js';
import { assertNonce, createNonce, NONCE_LENGTH, neutraliseDelimiter } from './untrusted-data.js';

/** Everything a review request says besides its units. */
export interface ReviewPromptContext {
  pullRequest: PullRequestText | null;
  /** The repository's `instructions` (from the base branch config). */
  instructions: string;
  /** BCP 47 tag of the language findings are written in. */
  language: string;
  /** Findings already reported; each request lists those on its own files. */
  staticFindings: readonly StaticFindingRef[];
}

/** The input of {@link buildReviewMessages}. */
export interface ReviewPromptInput extends ReviewPromptContext {
  units: ReadonlyArray<{ path: string; text: string }>;
  /** The untrusted-data tag nonce; random when absent (tests pass one). */
  nonce?: string;
}

const LANGUAGE = argusConfigSchema.shape.language;

/**
 * The system and user messages of one review request. The PR title and description, the static findings
 * and the code go inside `<untrusted-data-NONCE>` blocks whose per-request random nonce the data cannot
 * know, and any occurrence of the delimiter in any value is defused. The PR text, instructions and findings
 * are redacted here; unit texts were redacted when the units were built.
 */
export function buildReviewMessages(input: ReviewPromptInput): ChatMessage[] {
  const nonce = input.nonce ?? createNonce();
  assertNonce(nonce);
  const paths = new Set(input.units.map((u) => u.path));
  return renderMessages(input, nonce, formatStaticFindings(input.staticFindings, paths), input.units.map((u) => u.text).join('\n\n'));
}

/**
 * Prompt tokens every request carries besides its units, as an upper bound: the messages with no units,
 * the longest static-findings listing any request can get, and room for the longest nonce tokenization.
 * Pass it to `packUnits` as `fixedTokens`, and `requestBudget` minus it to `buildReviewUnits` as
 * `maxUnitTokens`.
 */
export function fixedPromptTokens(context: ReviewPromptContext): number {
  const messages = renderMessages(context, '', formatLongestStaticFindings(context.staticFindings), '');
  const nonceSlots = promptTemplates().user.text.split('{{nonce}}').length - 1;
  // A nonce character is at most one token, and the tag around it may tokenize one token worse.
  return countMessageTokens(messages) + nonceSlots * (NONCE_LENGTH + 2);
}

function renderMessages(context: ReviewPromptContext, nonce: string, staticFindings: string, units: string): ChatMessage[] {
  if (!LANGUAGE.safeParse(context.language).success) {
    throw new Error(`Review language "${context.language}" is not a BCP 47 tag like "en", "de" or "pt-BR": fix \`language\` in the repository config.`);
  }
  const templates = promptTemplates();
  const safe = (text: string): string => (nonce === '' ? text : neutraliseDelimiter(text, nonce));
  const system = renderTemplate(templates.system, {
    language: context.language,
    severities: SEVERITIES.map((s) => `\`${s}\``).join(', '),
    categories: CATEGORIES.map((c) => `\`${c}\``).join(', '),
  });
  const user = renderTemplate(templates.user, {
    nonce,
    instructions: safe(formatInstructions(context.instructions)),
    staticFindings: safe(staticFindings),
    pullRequest: safe(formatPullRequest(context.pullRequest)),
    units: safe(units),
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
