import { AzureOpenAI, OpenAI } from 'openai';
import type { LlmSettings } from './llm-settings.js';
import { withOpenAiErrorBodies } from './with-openai-error-bodies.js';

/** A `fetch` implementation, as the SDK accepts it (tests and proxies pass their own). */
export type FetchLike = typeof fetch;

/**
 * Builds the SDK client for the configured endpoint. Every option is passed explicitly so the SDK does not
 * fill gaps from `process.env` (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG...). The SDK's own retries are off
 * (`maxRetries: 0`): Argus retries itself so that it can cap `retry-after` and time out the body read too.
 * Error bodies are normalised to OpenAI's shape first (see {@link withOpenAiErrorBodies}).
 */
export function createOpenAiClient(settings: LlmSettings, fetchImpl?: FetchLike): OpenAI {
  const common = {
    maxRetries: 0,
    // Our own per-attempt timer (callWithRetries) is the one meant to fire; the SDK's is only a backstop.
    timeout: settings.timeoutMs + 1_000,
    logLevel: 'off' as const,
    organization: null,
    project: null,
    fetch: withOpenAiErrorBodies(fetchImpl),
  };
  const endpoint = settings.endpoint;
  switch (endpoint.kind) {
    case 'azure':
      return new AzureOpenAI({
        ...common,
        // Passing baseURL (not `endpoint`) keeps the SDK from reading OPENAI_BASE_URL behind our back.
        baseURL: `${endpoint.endpoint.replace(/\/+$/, '')}/openai`,
        apiKey: endpoint.apiKey,
        apiVersion: endpoint.apiVersion,
        deployment: endpoint.deployment,
      });
    case 'openai':
      return new OpenAI({ ...common, baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, organization: endpoint.organization, project: endpoint.project });
    case 'compatible':
      return new OpenAI({
        ...common,
        baseURL: endpoint.baseUrl,
        // The SDK refuses to start without a key; a keyless local server gets a placeholder that is never sent.
        apiKey: endpoint.apiKey ?? 'unused',
        ...(endpoint.apiKey === null ? { defaultHeaders: { Authorization: null } } : {}),
      });
  }
}
