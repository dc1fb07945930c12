/** A changed file's new content as a port delivers it. */
export type FileContent =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'non-utf8' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'missing'; detail: string };

/**
 * Where the pipeline reads new-file contents from: the local working tree or a git object (local/),
 * or the GitHub API at the head SHA (github/). Implementations decode with `decodeContent`.
 */
export interface ContentPort {
  readNewFile(path: string): Promise<FileContent>;
}

/** One chat message sent to the model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** How a response's structure was asked for: strict JSON schema, JSON mode, or plain text (JSON extracted). */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'text';

/** One chat completion request, as the pipeline states it (no SDK types). */
export interface LlmRequest {
  messages: readonly ChatMessage[];
  /** The JSON schema the answer must follow; sent as strict structured output where the server supports it. */
  responseSchema: { name: string; schema: Readonly<Record<string, unknown>> };
  /** Upper bound on the answer's tokens. */
  maxOutputTokens: number;
}

/** The model's answer. */
export interface LlmResponse {
  /** The message content, unparsed. */
  content: string;
  /** The model that answered, as the server reports it. */
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** The format the answer was requested in (after any fallback). */
  responseFormat: ResponseFormatMode;
  /** e.g. `stop`, `length`; null when the server gives none. */
  finishReason: string | null;
}

/** Why a model call failed, for the stats and the summary; `message` is one line without secrets. */
export type LlmFailureKind = 'auth' | 'timeout' | 'rate-limit' | 'server' | 'bad-request' | 'network' | 'aborted';

/** A model call that failed after the provider's own retries. */
export class LlmCallError extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}

/**
 * The model, as the pipeline sees it (src/llm/ implements it on the `openai` SDK). Implementations retry
 * transient failures themselves, fall back from strict JSON schema to JSON mode to text for servers without
 * structured outputs, and throw {@link LlmCallError} when a call finally fails.
 */
export interface LlmPort {
  /** The configured model name: part of cache keys and the price lookup. */
  readonly model: string;
  complete(request: LlmRequest): Promise<LlmResponse>;
}
