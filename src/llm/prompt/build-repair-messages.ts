import type { ChatMessage } from '../../review/ports.js';
import { promptTemplates } from './prompt-templates.js';
import { renderTemplate } from './render-template.js';

/** Most characters of the unusable answer sent back; a looping model's megabytes are not worth resending. */
export const MAX_ECHOED_ANSWER_LENGTH = 4000;
/** Most characters of the problem description. */
export const MAX_PROBLEM_LENGTH = 500;

/**
 * The follow-up after an answer that was not the JSON the contract asks for: the original messages, the
 * answer (cut to {@link MAX_ECHOED_ANSWER_LENGTH}) as the assistant's turn, and the repair template with the
 * problem, asking for only the JSON object.
 */
export function buildRepairMessages(previous: readonly ChatMessage[], badContent: string, problem: string): ChatMessage[] {
  const answer =
    badContent.length <= MAX_ECHOED_ANSWER_LENGTH
      ? badContent
      : `${badContent.slice(0, MAX_ECHOED_ANSWER_LENGTH)}\n[cut: ${badContent.length - MAX_ECHOED_ANSWER_LENGTH} more characters]`;
  const oneLine = problem.replace(/\s+/g, ' ').trim().slice(0, MAX_PROBLEM_LENGTH) || 'it was not valid JSON';
  return [
    ...previous,
    { role: 'assistant', content: answer },
    { role: 'user', content: renderTemplate(promptTemplates().repair, { problem: oneLine }) },
  ];
}
