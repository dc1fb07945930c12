import { APIError } from 'openai';
import pLimit from 'p-limit';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { LlmCallError, type LlmPort, type LlmRequest, type LlmResponse } from '../../review/ports.js';
import { buildChatBody } from './build-chat-body.js';
import { callWithRetries, RetriesFailedError } from './call-with-retries.js';
import { createOpenAiClient, type FetchLike } from './create-openai-client.js';
import type { LlmSettings } from './llm-settings.js';
import { adaptRequestShape, errorText, initialRequestShape, mergeRequestShape, type RequestShape } from './request-shape.js';
import { sanitizeServerMessage } from './sanitize-server-message.js';
import { displayUrl, toLlmCallError } from './to-llm-call-error.js';

/** The logging the provider does: a pino logger (or child) fits. */
export interface LlmLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Injection points; all optional. */
export interface OpenAiLlmOptions {
  /** `fetch` for the SDK (tests, proxies). Defaults to the global one. */
  fetch?: FetchLike;
  logger?: LlmLogger;
  /** How retries wait; tests pass a recorder. Defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Defaults to Math.random. */
  random?: () => number;
}

const silentLogger: LlmLogger = { debug: () => {}, info: () => {}, warn: () => {} };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The {@link LlmPort} on the `openai` SDK's Chat Completions API. One instance per process (or per review run):
 * it shares a concurrency limit across its calls and remembers what the server refused (strict schema, JSON
 * mode, temperature, the token-limit parameter) so that each fallback costs one rejected request per
 * instance, not one per call. Calls already in flight when a fallback is learnt may each be refused once.
 */
export function createOpenAiLlm(settings: LlmSettings, options: OpenAiLlmOptions = {}): LlmPort {
  const client = createOpenAiClient(settings, options.fetch);
  const logger = options.logger ?? silentLogger;
  const limit = pLimit(settings.concurrency);
  const initial = initialRequestShape(settings);
  let learnt = initial;
  const server = displayUrl(settings.endpoint);

  const send = (shape: RequestShape, request: LlmRequest): Promise<ChatCompletion> =>
    callWithRetries((signal) => client.chat.completions.create(buildChatBody(settings.model, request, shape), { signal }), {
      maxRetries: settings.maxRetries,
      timeoutMs: settings.timeoutMs,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      onRetry: (info) => logger.info({ ...info, server, model: settings.model }, 'retrying LLM call'),
    });

  async function complete(request: LlmRequest): Promise<LlmResponse> {
    let shape = learnt;
    for (;;) {
      let completion: ChatCompletion;
      try {
        completion = await send(shape, request);
      } catch (failure) {
        const error = failure instanceof RetriesFailedError ? failure.lastError : failure;
        const next = adaptRequestShape(error, shape, initial);
        if (next === null) throw toLlmCallError(failure, settings);
        const before = learnt;
        learnt = mergeRequestShape(learnt, shape, next);
        if (!sameShape(before, learnt)) {
          logger.warn({ server, model: settings.model, from: shape, to: next, serverSaid: error instanceof APIError ? sanitizeServerMessage(errorText(error), settings.endpoint) : undefined }, 'LLM server refused part of the request; using the fallback for the rest of this process');
        }
        // The instance's shape now holds this step and anything other calls learnt meanwhile.
        shape = learnt;
        continue;
      }
      return toResponse(completion, shape, settings);
    }
  }

  return { model: settings.model, complete: (request) => limit(() => complete(request)) };
}

function toResponse(completion: ChatCompletion, shape: RequestShape, settings: LlmSettings): LlmResponse {
  const choice = completion.choices?.[0];
  if (choice === undefined) throw new LlmCallError('server', `${displayUrl(settings.endpoint)} answered with no choices: check that the server implements Chat Completions`);
  return {
    // A strict-schema refusal has no content; the validation layer rejects the empty answer.
    content: choice.message?.content ?? '',
    model: completion.model || settings.model,
    promptTokens: completion.usage?.prompt_tokens ?? 0,
    completionTokens: completion.usage?.completion_tokens ?? 0,
    responseFormat: shape.mode,
    finishReason: choice.finish_reason ?? null,
  };
}

function sameShape(a: RequestShape, b: RequestShape): boolean {
  return a.mode === b.mode && a.temperature === b.temperature && a.tokenParam === b.tokenParam;
}
