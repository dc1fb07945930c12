import { z } from 'zod';
import type { ArgusConfig } from '../config/index.js';
import { countMessageTokens } from '../llm/budget/index.js';
import { estimateCost, findPrice } from '../llm/cost/index.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { formatLlmStats } from '../render/format-llm-stats.js';
import type { ChatMessage, LlmPort } from '../review/ports.js';
import { extractJsonObjects } from '../validate/extract-json-objects.js';
import { parseJson } from '../validate/parse-json.js';
import type { CommandServices } from './command-context.js';

/** The answer's shape: one JSON object, so the same structured-output path as the review serves. */
const answerSchema = z.strictObject({ answer: z.string().trim().min(1) });

const RESPONSE_SCHEMA = {
  name: 'argus_answer',
  schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false },
} as const;

/** Longest answer posted: GitHub refuses comments over 65536 characters. */
export const MAX_ANSWER_LENGTH = 60_000;

/** One question to the model, under the repository's caps. */
export interface ModelQuestion {
  port: LlmPort;
  config: ArgusConfig;
  messages: readonly ChatMessage[];
  daily: CommandServices['daily'];
  now?: () => Date;
}

/**
 * Sends `messages` (built under `llm.max_request_tokens`) to the model and returns the reply: the answer as
 * Markdown (HTML comments and @-mentions defused: the answer may echo text from the pull request, and must
 * neither forge Argus's hidden markers nor notify people), then the token and cost line. The installation's
 * daily token cap is checked before the call (prompt plus the most the answer may take) and charged after.
 *
 * @throws Error when the prompt is over the cap, the daily cap is reached, the call fails (LlmCallError) or
 *   the answer is not `{"answer": "..."}`.
 */
export async function askModel(question: ModelQuestion): Promise<string> {
  const { port, config, messages, daily } = question;
  const now = question.now ?? (() => new Date());
  const promptTokens = countMessageTokens(messages);
  if (promptTokens > config.llm.max_request_tokens) {
    throw new Error(`the question needs ${promptTokens} prompt tokens, more than llm.max_request_tokens (${config.llm.max_request_tokens}): shorten it or raise the cap in .github/argus.yml`);
  }
  const maxOutputTokens = config.llm.max_output_tokens;
  if (daily !== null) {
    const spent = await daily.ledger.spent(daily.account, now());
    if (spent + promptTokens + maxOutputTokens > daily.capTokens) {
      throw new Error(`the installation's daily token cap (${daily.capTokens} tokens, ARGUS_DAILY_TOKEN_CAP) is reached: try again after midnight UTC`);
    }
  }
  const response = await port.complete({ messages, responseSchema: RESPONSE_SCHEMA, maxOutputTokens });
  if (daily !== null) await daily.ledger.add(daily.account, response.promptTokens + response.completionTokens, now());
  const answer = readAnswer(response.content);
  const price = findPrice(port.model, config.llm.prices);
  const footer = formatLlmStats({
    calls: 1,
    promptTokens: response.promptTokens,
    completionTokens: response.completionTokens,
    costUsd: price === null ? 0 : estimateCost(price, response.promptTokens, response.completionTokens),
    model: port.model,
    priced: price !== null,
    requests: 1,
    failedRequests: 0,
    cachedUnits: 0,
    sentUnits: 0,
    responseFormat: response.responseFormat,
    moved: 0,
    suggestionsDropped: 0,
  });
  return `${defuse(answer)}\n\n<sub>${escapeMarkdown(footer)}</sub>`;
}

function readAnswer(content: string): string {
  const whole = parseJson(content);
  const candidates = whole.ok ? [whole.value] : extractJsonObjects(content);
  for (const value of candidates) {
    const parsed = answerSchema.safeParse(value);
    if (parsed.success) return parsed.data.answer;
  }
  throw new Error('the model did not answer with the JSON object {"answer": "..."} it was asked for: try again, or use another model (llm.model)');
}

/** `<!--` would start a hidden marker; `@name` would notify someone. Cut to what GitHub accepts. */
function defuse(answer: string): string {
  const safe = answer.replace(/<!--/g, '&lt;!--').replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, '$1@\u200b');
  return safe.length <= MAX_ANSWER_LENGTH ? safe : `${safe.slice(0, MAX_ANSWER_LENGTH)}\n\n_(answer cut: too long for a GitHub comment)_`;
}
