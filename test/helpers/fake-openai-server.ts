import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Chat Completions request body as the fake server received it. */
export type FakeChatBody = {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: unknown };
  [key: string]: unknown;
};

/** What the fake answers: an assistant message, or a raw HTTP reply (errors, odd servers). */
export type FakeReply =
  | { content: string; finishReason?: string; usage?: { prompt_tokens: number; completion_tokens: number } | null }
  | { status: number; headers?: Record<string, string>; body?: unknown };

export interface FakeOpenAiServerOptions {
  /** Decides each answer; `index` counts requests from 0. Default: `{"findings":[]}`. */
  respond?: (body: FakeChatBody, index: number) => FakeReply | Promise<FakeReply>;
  /** Delay before every answer (ms), to simulate generation time and observe concurrency. */
  latencyMs?: number;
  /** false: answers 400 to `response_format: json_schema`, as servers without structured outputs do. Default true. */
  structuredOutputs?: boolean;
  /** false: answers 400 to `response_format: json_object` too. Default true. */
  jsonMode?: boolean;
}

/** A running fake; `requests` records every request in arrival order. */
export interface FakeOpenAiServer {
  /** Base URL ending in /v1, for OPENAI_BASE_URL. */
  url: string;
  requests: Array<{ path: string; body: FakeChatBody; headers: IncomingHttpHeaders }>;
  /** The most requests that were being answered at the same moment. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const DEFAULT_CONTENT = '{"findings":[]}';

/**
 * Starts a local HTTP server (port 0) speaking the Chat Completions API at `POST /v1/chat/completions` and
 * `POST /chat/completions`, for end-to-end tests and `bench:llm`. Usage is computed as ~4 characters per token
 * unless the reply gives it (or `usage: null` leaves it out, like servers that report none).
 */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const requests: FakeOpenAiServer['requests'] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      void answer(req.method ?? '', req.url ?? '', req.headers, Buffer.concat(chunks).toString('utf8'))
        .then(({ status, headers, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify(errorBody(`fake server failed: ${String(error)}`, 'server_error', null)));
        })
        .finally(() => inFlight--);
    });
  });

  async function answer(method: string, url: string, headers: IncomingHttpHeaders, raw: string): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
    const path = url.split('?')[0] ?? '';
    if (method !== 'POST' || !(path === '/v1/chat/completions' || path === '/chat/completions')) {
      return { status: 404, headers: {}, body: errorBody(`no route ${method} ${path}`, 'invalid_request_error', null) };
    }
    let body: FakeChatBody;
    try {
      body = JSON.parse(raw) as FakeChatBody;
    } catch {
      return { status: 400, headers: {}, body: errorBody('request body is not JSON', 'invalid_request_error', null) };
    }
    const index = requests.length;
    requests.push({ path, body, headers });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const format = body.response_format?.type;
    if (format === 'json_schema' && options.structuredOutputs === false) {
      return { status: 400, headers: {}, body: errorBody("response_format of type 'json_schema' is not supported by this server", 'invalid_request_error', 'response_format') };
    }
    if (format === 'json_object' && options.jsonMode === false) {
      return { status: 400, headers: {}, body: errorBody("response_format of type 'json_object' is not supported by this server", 'invalid_request_error', 'response_format') };
    }
    const reply = (await options.respond?.(body, index)) ?? { content: DEFAULT_CONTENT };
    if ('status' in reply) return { status: reply.status, headers: reply.headers ?? {}, body: reply.body ?? errorBody(`status ${reply.status}`, 'server_error', null) };
    return { status: 200, headers: {}, body: completion(body, reply, index) };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function completion(body: FakeChatBody, reply: Extract<FakeReply, { content: string }>, index: number) {
  const promptChars = (body.messages ?? []).reduce((sum, message) => sum + message.content.length, 0);
  const usage =
    reply.usage === null
      ? undefined
      : (reply.usage ?? { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(reply.content.length / 4) });
  return {
    id: `chatcmpl-fake-${index}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model ?? 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, finish_reason: reply.finishReason ?? 'stop', logprobs: null }],
    ...(usage === undefined ? {} : { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }),
  };
}

function errorBody(message: string, type: string, param: string | null) {
  return { error: { message, type, param, code: null } };
}
