import type { LlmEndpoint } from './llm-settings.js';

const MAX_CHARS = 200;

/**
 * A server's error text made fit for a one-line message or a log: whitespace collapsed, the configured key
 * and anything shaped like a key (`sk-...`, also OpenAI's partly masked `sk-abc***xyz` echo) replaced,
 * cut to 200 characters.
 */
export function sanitizeServerMessage(message: string, endpoint: LlmEndpoint): string {
  let text = message.replace(/\s+/g, ' ').trim();
  if (endpoint.apiKey !== null && endpoint.apiKey.length > 0) text = text.split(endpoint.apiKey).join('[REDACTED]');
  text = text.replace(/\b(sk|key|rk)-[\w*.-]{6,}/gi, '[REDACTED]');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
