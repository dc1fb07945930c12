/** Where the model is served and how Argus authenticates there. */
export type LlmEndpoint =
  /** api.openai.com: Bearer key, optional organization/project headers. */
  | { kind: 'openai'; baseUrl: string; apiKey: string; organization: string | null; project: string | null }
  /** Any other OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenRouter...); local ones may need no key. */
  | { kind: 'compatible'; baseUrl: string; apiKey: string | null }
  /** Azure OpenAI: `api-key` header, deployment in the path, `api-version` in the query. */
  | { kind: 'azure'; endpoint: string; deployment: string; apiVersion: string; apiKey: string };

/** Everything the OpenAI provider needs, resolved and validated from the environment by `resolveLlmSettings`. */
export interface LlmSettings {
  endpoint: LlmEndpoint;
  /** The model name sent in requests and reported as `LlmPort.model` (cache keys, price lookup). */
  model: string;
  /** Per-attempt limit: an attempt with no complete answer after this long is abandoned (and retried). */
  timeoutMs: number;
  /** Retries after the first attempt, for 408/409/429/5xx, timeouts and connection failures. */
  maxRetries: number;
  /** Most calls in flight at once for one provider instance. */
  concurrency: number;
}
