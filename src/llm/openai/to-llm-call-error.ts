import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmCallError } from '../../review/ports.js';
import { AttemptTimeoutError, RetriesFailedError } from './call-with-retries.js';
import type { LlmEndpoint, LlmSettings } from './llm-settings.js';
import { errorText } from './request-shape.js';
import { sanitizeServerMessage } from './sanitize-server-message.js';

/**
 * Turns a failed call into an {@link LlmCallError}: one line naming the status and server, saying what to
 * check, with the server's own explanation where it helps. Never contains the API key: 401/403 bodies are
 * dropped (OpenAI echoes part of the key there) and anything key-like left in a message is masked.
 */
export function toLlmCallError(failure: unknown, settings: LlmSettings): LlmCallError {
  const endpoint = settings.endpoint;
  const error = failure instanceof RetriesFailedError ? failure.lastError : failure;
  const attempts = failure instanceof RetriesFailedError ? failure.attempts : 1;
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const server = displayUrl(endpoint);
  const vars = endpointVars(settings);
  const detail = (message: string) => sanitizeServerMessage(message, endpoint);

  if (error instanceof AttemptTimeoutError || error instanceof APIConnectionTimeoutError) {
    return new LlmCallError('timeout', `no answer from ${server} within ${settings.timeoutMs} ms${after}: raise ARGUS_LLM_TIMEOUT_MS, or check the server is not overloaded`);
  }
  if (error instanceof APIUserAbortError) return new LlmCallError('aborted', `call to ${server} was aborted`);
  if (error instanceof APIConnectionError) {
    return new LlmCallError('network', `cannot reach ${server}${after} (${detail(connectionCause(error))}): check ${vars.url} and that the server is running`);
  }
  if (!(error instanceof APIError) || error.status === undefined) {
    return new LlmCallError('server', `unexpected failure calling ${server}: ${detail(error instanceof Error ? error.message : String(error))}`);
  }
  const status = error.status;
  const head = `${status} from ${server}${after}`;
  if (status === 401 || status === 403) return new LlmCallError('auth', `${head}: check ${vars.key}${status === 403 ? ' and that it may use this model' : ''}`);
  if (status === 429) {
    if (failure instanceof RetriesFailedError && failure.refusedWaitMs !== null) {
      return new LlmCallError('rate-limit', `${head}: the server asked to wait ${Math.ceil(failure.refusedWaitMs / 1000)} s, longer than Argus waits; lower ARGUS_LLM_CONCURRENCY or raise the account's rate limit`);
    }
    if (error.code === 'insufficient_quota') return new LlmCallError('rate-limit', `${head}: quota exhausted; check the account's billing and limits`);
    return new LlmCallError('rate-limit', `${head}: rate limited; lower ARGUS_LLM_CONCURRENCY or raise the account's rate limit`);
  }
  if (status === 404) {
    return new LlmCallError('bad-request', `${head}: no model or deployment "${vars.model}" there; check ${vars.modelVars} and ${vars.url} (${detail(errorText(error))})`);
  }
  if (status >= 500 || status === 408 || status === 409) return new LlmCallError('server', `${head}: the server failed (${detail(errorText(error))}); retry later, or raise ARGUS_LLM_MAX_RETRIES`);
  return new LlmCallError('bad-request', `${head}: the server refused the request (${detail(errorText(error))})`);
}

function endpointVars({ endpoint, model }: LlmSettings): { key: string; url: string; model: string; modelVars: string } {
  if (endpoint.kind === 'azure') return { key: 'AZURE_OPENAI_API_KEY', url: 'AZURE_OPENAI_ENDPOINT', model: endpoint.deployment, modelVars: 'AZURE_OPENAI_DEPLOYMENT (or llm.model / ARGUS_MODEL)' };
  return { key: 'OPENAI_API_KEY', url: 'OPENAI_BASE_URL (does it end in /v1?)', model, modelVars: 'llm.model / ARGUS_MODEL' };
}

/** The server's address without credentials or query, for messages. */
export function displayUrl(endpoint: LlmEndpoint): string {
  const url = new URL(endpoint.kind === 'azure' ? endpoint.endpoint : endpoint.baseUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

function connectionCause(error: APIConnectionError): string {
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const inner: unknown = cause.cause;
    if (typeof inner === 'object' && inner !== null && 'code' in inner && typeof inner.code === 'string') return inner.code;
    return cause.message;
  }
  return error.message;
}
