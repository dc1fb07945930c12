import { parseModelContent } from '../../validate/index.js';
import { LlmCallError, type ChatMessage, type LlmPort, type LlmRequest, type ResponseFormatMode } from '../ports.js';

/** What one request to the model produced: its raw findings, or why it failed; and what it cost. */
export interface AskOutcome {
  result: { ok: true; findings: unknown[] } | { ok: false; error: string };
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** The format of the last answer; null when no answer came. */
  responseFormat: ResponseFormatMode | null;
}

/** The request's fixed parts: the schema the answer must follow and the output cap. */
export type AskShape = Omit<LlmRequest, 'messages'>;

/**
 * Sends `messages` and parses the answer. An answer that is not the JSON the contract asks for is
 * retried once with a repair instruction (`repair` builds the follow-up messages, `mayRepair` checks they fit
 * the token caps); if the second answer is
 * no better, the request fails with the parse error, and the caller reports it as a failed chunk. A call
 * that fails (after the provider's own retries) fails the request with the provider's one-line message.
 */
export async function askForFindings(
  llm: LlmPort,
  messages: readonly ChatMessage[],
  shape: AskShape,
  repair: (previous: readonly ChatMessage[], badContent: string, problem: string) => ChatMessage[],
  mayRepair: (repairMessages: readonly ChatMessage[]) => boolean = () => true,
): Promise<AskOutcome> {
  const outcome: AskOutcome = { result: { ok: false, error: 'not sent' }, calls: 0, promptTokens: 0, completionTokens: 0, responseFormat: null };
  let current: readonly ChatMessage[] = messages;
  for (let attempt = 0; attempt < 2; attempt++) {
    let content: string;
    try {
      const response = await llm.complete({ ...shape, messages: current });
      outcome.calls += 1;
      outcome.promptTokens += response.promptTokens;
      outcome.completionTokens += response.completionTokens;
      outcome.responseFormat = response.responseFormat;
      content = response.content;
    } catch (err) {
      outcome.calls += 1;
      const message = err instanceof LlmCallError ? `${err.kind}: ${err.message}` : `error: ${err instanceof Error ? err.message : String(err)}`;
      outcome.result = { ok: false, error: message.split('\n')[0]! };
      return outcome;
    }
    const parsed = parseModelContent(content);
    if (parsed.ok) {
      outcome.result = parsed;
      return outcome;
    }
    outcome.result = { ok: false, error: `invalid answer: ${parsed.error}` };
    if (attempt === 1) break;
    const next = repair(current, content, parsed.error);
    if (!mayRepair(next)) {
      outcome.result = { ok: false, error: `invalid answer, and no token budget left to ask again: ${parsed.error}` };
      break;
    }
    current = next;
  }
  return outcome;
}
