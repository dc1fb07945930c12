import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LlmRequest } from '../../review/ports.js';
import type { RequestShape } from './request-shape.js';

/**
 * The Chat Completions request body for `request` in `shape`. Without strict schema (JSON mode or text) the
 * schema would be lost, so it goes into an extra system message; OpenAI's JSON mode also refuses messages that
 * never say "JSON" (https://platform.openai.com/docs/guides/structured-outputs#json-mode).
 */
export function buildChatBody(model: string, request: LlmRequest, shape: RequestShape): ChatCompletionCreateParamsNonStreaming {
  const messages = request.messages.map((message) => ({ role: message.role, content: message.content }));
  if (shape.mode !== 'json_schema') messages.push({ role: 'system', content: schemaInstruction(request.responseSchema.schema) });
  return {
    model,
    messages,
    ...(shape.tokenParam === 'max_tokens' ? { max_tokens: request.maxOutputTokens } : { max_completion_tokens: request.maxOutputTokens }),
    ...(shape.temperature ? { temperature: 0 } : {}),
    ...responseFormat(request, shape),
  };
}

function responseFormat(request: LlmRequest, shape: RequestShape): Pick<ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  switch (shape.mode) {
    case 'json_schema':
      return { response_format: { type: 'json_schema', json_schema: { name: request.responseSchema.name, schema: { ...request.responseSchema.schema }, strict: true } } };
    case 'json_object':
      return { response_format: { type: 'json_object' } };
    case 'text':
      return {};
  }
}

/** The instruction that stands in for strict structured output. */
export function schemaInstruction(schema: Readonly<Record<string, unknown>>): string {
  return `Reply with one JSON object and nothing else (no prose, no code fence). It must conform to this JSON schema:\n${JSON.stringify(schema)}`;
}
