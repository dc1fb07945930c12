import { APIError } from 'openai';
import type { ResponseFormatMode } from '../../review/ports.js';
import type { LlmSettings } from './llm-settings.js';

/** The parameter that carries the output-token limit: OpenAI's newer models require the first, many servers know only the second. */
export type TokenLimitParam = 'max_completion_tokens' | 'max_tokens';

/** The server-dependent parts of a request, learnt per provider instance from the server's rejections. */
export interface RequestShape {
  mode: ResponseFormatMode;
  /** Send `temperature: 0`; o-series and gpt-5 models accept only their default. */
  temperature: boolean;
  tokenParam: TokenLimitParam;
}

const NEXT_MODE: Record<ResponseFormatMode, ResponseFormatMode | null> = { json_schema: 'json_object', json_object: 'text', text: null };

// What a rejection of each format says: OpenAI names `param: response_format`; vLLM, llama.cpp, LM Studio and
// proxies only say it in the message.
const FORMAT_REJECTION: Record<ResponseFormatMode, RegExp | null> = {
  json_schema: /response_format|json[_ ]schema|structured[_ ]outputs?|guided[_ ](json|decoding)/i,
  json_object: /response_format|json[_ ]object|json[_ ]mode/i,
  text: null,
};

/** The shape a provider instance starts with: strict schema, `temperature: 0` unless the model forbids it. */
export function initialRequestShape(settings: LlmSettings): RequestShape {
  return {
    mode: 'json_schema',
    temperature: !hasFixedTemperature(settings.model),
    tokenParam: settings.endpoint.kind === 'compatible' ? 'max_tokens' : 'max_completion_tokens',
  };
}

/**
 * o-series and gpt-5 reasoning models reject any temperature but the default
 * (https://platform.openai.com/docs/guides/reasoning). Provider prefixes such as OpenRouter's `openai/` are ignored.
 */
export function hasFixedTemperature(model: string): boolean {
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return /^(o\d|gpt-5)/.test(name) && !name.startsWith('gpt-5-chat');
}

/**
 * The shape to retry with when `error` is the server refusing part of `failed` (HTTP 400/422 naming
 * response_format, temperature or the token-limit parameter), or null when the error is anything else.
 * Formats step down json_schema -> json_object -> text; temperature is dropped; the token parameter switches
 * once, away from `initial`'s. Each step removes an option, so a call adapts a bounded number of times.
 */
export function adaptRequestShape(error: unknown, failed: RequestShape, initial: RequestShape): RequestShape | null {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return null;
  const param = typeof error.param === 'string' ? error.param : null;
  const text = `${errorText(error)} ${typeof error.code === 'string' ? error.code : ''}`;
  // Trust `param` when the server names one; only servers that do not are judged by the message.
  const names = (field: string, pattern: RegExp) => (param !== null ? param.startsWith(field) : pattern.test(text));

  const formatPattern = FORMAT_REJECTION[failed.mode];
  const nextMode = NEXT_MODE[failed.mode];
  if (formatPattern !== null && nextMode !== null && names('response_format', formatPattern)) return { ...failed, mode: nextMode };
  if (failed.temperature && names('temperature', /temperature/i)) return { ...failed, temperature: false };
  if (failed.tokenParam === initial.tokenParam && names(failed.tokenParam, new RegExp(failed.tokenParam))) {
    return { ...failed, tokenParam: failed.tokenParam === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens' };
  }
  return null;
}

/**
 * Applies what one call learnt (`failed` -> `next`) to the instance's current shape. Concurrent calls may
 * learn the same thing; applying a step twice changes nothing, and a format never steps back up.
 */
export function mergeRequestShape(current: RequestShape, failed: RequestShape, next: RequestShape): RequestShape {
  const order: ResponseFormatMode[] = ['json_schema', 'json_object', 'text'];
  return {
    mode: order.indexOf(next.mode) > order.indexOf(current.mode) ? next.mode : current.mode,
    temperature: next.temperature === failed.temperature ? current.temperature : next.temperature,
    tokenParam: next.tokenParam === failed.tokenParam ? current.tokenParam : next.tokenParam,
  };
}

/** The server's own error message (without the SDK's status prefix), or the SDK's message. */
export function errorText(error: APIError): string {
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  return error.message.replace(/^\d{3}\s+/, '');
}
