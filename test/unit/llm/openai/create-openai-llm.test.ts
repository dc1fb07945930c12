import { Writable } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { createOpenAiLlm, schemaInstruction, type LlmSettings, type OpenAiLlmOptions } from '../../../../src/llm/openai/index.js';
import { createLogger } from '../../../../src/review/logger.js';
import { LlmCallError, type LlmRequest } from '../../../../src/review/ports.js';

const KEY = 'sk-proj-TESTKEY0123456789abcdef';
const OPENAI = 'https://api.openai.com';
const PATH = '/v1/chat/completions';

const schema = { type: 'object', properties: { findings: { type: 'array', items: { type: 'string' } } }, required: ['findings'], additionalProperties: false };
const request: LlmRequest = {
  messages: [
    { role: 'system', content: 'You review code.' },
    { role: 'user', content: 'diff --git a/x b/x' },
  ],
  responseSchema: { name: 'review', schema },
  maxOutputTokens: 1000,
};
const messages = [
  { role: 'system', content: 'You review code.' },
  { role: 'user', content: 'diff --git a/x b/x' },
];
const withInstruction = [...messages, { role: 'system', content: schemaInstruction(schema) }];
const strictFormat = { type: 'json_schema', json_schema: { name: 'review', schema, strict: true } };

function settings(overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    endpoint: { kind: 'openai', baseUrl: `${OPENAI}/v1`, apiKey: KEY, organization: null, project: null },
    model: 'gpt-4.1-mini',
    timeoutMs: 5_000,
    maxRetries: 3,
    concurrency: 4,
    ...overrides,
  };
}

function completion(content = '{"findings":[]}', extra: Record<string, unknown> = {}) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4.1-mini-2025-04-14',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 120, completion_tokens: 7, total_tokens: 127 },
    ...extra,
  };
}

function openAiError(message: string, param: string | null = null, code: string | null = null, type = 'invalid_request_error') {
  return { error: { message, type, param, code } };
}

/** Records every request body the interceptor saw, in order. */
function recorder() {
  const bodies: unknown[] = [];
  return { bodies, match: (body: unknown) => (bodies.push(body), true) };
}

/** Sleep that returns at once and records the waits asked for. */
function instantRetries(): Required<Pick<OpenAiLlmOptions, 'sleep' | 'random'>> & { waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms), random: () => 0 };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('createOpenAiLlm: requests and answers', () => {
  it('sends a strict json_schema request with temperature 0 and reads content, model and usage', async () => {
    const seen = recorder();
    nock(OPENAI).post(PATH, seen.match).matchHeader('authorization', `Bearer ${KEY}`).reply(200, completion());

    const response = await createOpenAiLlm(settings()).complete(request);

    expect(seen.bodies).toEqual([{ model: 'gpt-4.1-mini', messages, max_completion_tokens: 1000, temperature: 0, response_format: strictFormat }]);
    expect(response).toEqual({
      content: '{"findings":[]}',
      model: 'gpt-4.1-mini-2025-04-14',
      promptTokens: 120,
      completionTokens: 7,
      responseFormat: 'json_schema',
      finishReason: 'stop',
    });
  });

  it('reports 0 tokens when the server gives no usage, and an empty content for a refusal', async () => {
    const refusal = { index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' }, finish_reason: 'stop', logprobs: null };
    nock(OPENAI).post(PATH).reply(200, completion('x', { usage: undefined, choices: [refusal] }));

    const response = await createOpenAiLlm(settings()).complete(request);

    expect(response).toMatchObject({ content: '', promptTokens: 0, completionTokens: 0 });
  });

  it('leaves temperature out for o-series and gpt-5 models (they accept only the default)', async () => {
    const seen = recorder();
    nock(OPENAI).post(PATH, seen.match).times(2).reply(200, completion());

    await createOpenAiLlm(settings({ model: 'o4-mini' })).complete(request);
    await createOpenAiLlm(settings({ model: 'gpt-5-mini' })).complete(request);

    expect(seen.bodies).toEqual([
      { model: 'o4-mini', messages, max_completion_tokens: 1000, response_format: strictFormat },
      { model: 'gpt-5-mini', messages, max_completion_tokens: 1000, response_format: strictFormat },
    ]);
  });

  it('drops temperature once when the server refuses it (a deployment name hides the model) and remembers', async () => {
    const seen = recorder();
    nock(OPENAI)
      .post(PATH, seen.match)
      .reply(400, openAiError("Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.", 'temperature', 'unsupported_value'))
      .post(PATH, seen.match)
      .times(2)
      .reply(200, completion());

    const llm = createOpenAiLlm(settings({ model: 'reasoner' }));
    await llm.complete(request);
    await llm.complete(request);

    const without = { model: 'reasoner', messages, max_completion_tokens: 1000, response_format: strictFormat };
    expect(seen.bodies).toEqual([{ ...without, temperature: 0 }, without, without]);
  });
});

describe('createOpenAiLlm: response_format fallback', () => {
  it('falls back to json_object when json_schema is refused, once per instance', async () => {
    const seen = recorder();
    const warn = vi.fn();
    nock(OPENAI)
      .post(PATH, seen.match)
      .reply(400, openAiError("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", 'response_format'))
      .post(PATH, seen.match)
      .times(2)
      .reply(200, completion());

    const llm = createOpenAiLlm(settings(), { logger: { debug: vi.fn(), info: vi.fn(), warn } });
    const first = await llm.complete(request);
    const second = await llm.complete(request);

    const jsonMode = { model: 'gpt-4.1-mini', messages: withInstruction, max_completion_tokens: 1000, temperature: 0, response_format: { type: 'json_object' } };
    expect(seen.bodies).toEqual([{ ...jsonMode, messages, response_format: strictFormat }, jsonMode, jsonMode]);
    expect([first.responseFormat, second.responseFormat]).toEqual(['json_object', 'json_object']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('logs the fallback and retries through a pino logger without the key', async () => {
    let out = '';
    const stream = new Writable({ write: (chunk, _enc, cb) => ((out += String(chunk)), cb()) });
    nock(OPENAI)
      .post(PATH)
      .reply(400, openAiError(`response_format json_schema unsupported for key ${KEY}`, 'response_format'))
      .post(PATH)
      .reply(500, openAiError('oops'))
      .post(PATH)
      .reply(200, completion());

    const llm = createOpenAiLlm(settings(), { logger: createLogger({ level: 'info', destination: stream }).child({ pr: 'o/r#1' }), sleep: async () => {} });
    await llm.complete(request);

    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([
      [40, 'LLM server refused part of the request; using the fallback for the rest of this process'],
      [30, 'retrying LLM call'],
    ]);
    expect(lines[0]).toMatchObject({ pr: 'o/r#1', from: { mode: 'json_schema' }, to: { mode: 'json_object' }, serverSaid: 'response_format json_schema unsupported for key [REDACTED]' });
    expect(out).not.toContain(KEY);
  });

  it('falls back to text when JSON mode is refused too, judging by the message when the server names no param', async () => {
    const seen = recorder();
    nock(OPENAI)
      .post(PATH, seen.match)
      .reply(400, { object: 'error', error: { message: 'guided_json is not enabled on this server', type: 'BadRequestError', param: null, code: 400 } })
      .post(PATH, seen.match)
      .reply(422, { error: 'json_object response format is unsupported' })
      .post(PATH, seen.match)
      .reply(200, completion('{"findings":[]}'));

    const response = await createOpenAiLlm(settings()).complete(request);

    expect(response.responseFormat).toBe('text');
    expect(seen.bodies.map((body) => (body as { response_format?: { type: string } }).response_format?.type)).toEqual(['json_schema', 'json_object', undefined]);
    expect(seen.bodies[2]).toEqual({ model: 'gpt-4.1-mini', messages: withInstruction, max_completion_tokens: 1000, temperature: 0 });
  });

  it.each([
    ['older vLLM', 400, { object: 'error', message: 'guided decoding backend does not support this json_schema', type: 'BadRequestError', param: null, code: 400 }],
    ['FastAPI validation', 422, { detail: [{ loc: ['body', 'response_format', 'type'], msg: "Input should be 'text' or 'json_object'" }] }],
    ['plain text', 400, 'response_format is not supported'],
  ])('reads a %s error body to decide the fallback', async (_name, status, body) => {
    const seen = recorder();
    nock('http://vllm.internal:8000').post(PATH, seen.match).reply(status, body).post(PATH, seen.match).reply(200, completion());

    const response = await createOpenAiLlm(settings({ endpoint: { kind: 'compatible', baseUrl: 'http://vllm.internal:8000/v1', apiKey: null } })).complete(request);

    expect(response.responseFormat).toBe('json_object');
    expect(seen.bodies).toHaveLength(2);
  });

  it('does not fall back on a 400 that is not about the format (context too long): bad-request, one request', async () => {
    nock(OPENAI)
      .post(PATH)
      .reply(400, openAiError("This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.", 'messages', 'context_length_exceeded'));

    const error = await createOpenAiLlm(settings()).complete(request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmCallError);
    expect(error).toMatchObject({
      kind: 'bad-request',
      message: "400 from https://api.openai.com/v1: the server refused the request (This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.)",
    });
  });

  it('fails as bad-request when even text mode is refused', async () => {
    nock(OPENAI).post(PATH).times(3).reply(400, openAiError('response_format is not allowed here'));

    const error = await createOpenAiLlm(settings()).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'bad-request', message: '400 from https://api.openai.com/v1: the server refused the request (response_format is not allowed here)' });
  });
});

describe('createOpenAiLlm: retries', () => {
  it('honours retry-after-ms on 429, then succeeds', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(429, openAiError('Rate limit reached', null, 'rate_limit_exceeded', 'requests'), { 'retry-after-ms': '1200' }).post(PATH).reply(200, completion());

    const response = await createOpenAiLlm(settings(), retries).complete(request);

    expect(response.content).toBe('{"findings":[]}');
    expect(retries.waits).toEqual([1200]);
  });

  it('honours retry-after in seconds on 429 (with real waiting)', async () => {
    nock(OPENAI).post(PATH).reply(429, openAiError('Rate limit reached'), { 'retry-after': '0.05' }).post(PATH).reply(200, completion());

    const response = await createOpenAiLlm(settings()).complete(request);

    expect(response.content).toBe('{"findings":[]}');
  });

  it('waits what retry-after says (1 s) when given in seconds', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(429, openAiError('Rate limit reached'), { 'retry-after': '1' }).post(PATH).reply(200, completion());

    await createOpenAiLlm(settings(), retries).complete(request);

    expect(retries.waits).toEqual([1000]);
  });

  it('backs off exponentially with jitter on 5xx, then succeeds', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(500, openAiError('oops', null, null, 'server_error')).post(PATH).reply(503, 'upstream down').post(PATH).reply(200, completion());

    const response = await createOpenAiLlm(settings(), retries).complete(request);

    expect(response.responseFormat).toBe('json_schema');
    // random() = 0 takes the low end of each step: 0.5 s * 0.5, 1 s * 0.5.
    expect(retries.waits).toEqual([250, 500]);
  });

  it('honours retry-after on 5xx too', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(503, openAiError('overloaded'), { 'retry-after': '2' }).post(PATH).reply(200, completion());

    await createOpenAiLlm(settings(), retries).complete(request);

    expect(retries.waits).toEqual([2000]);
  });

  it('gives up after maxRetries and says so', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).times(3).reply(502, openAiError('Bad gateway'));

    const error = await createOpenAiLlm(settings({ maxRetries: 2 }), retries).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'server', message: '502 from https://api.openai.com/v1 after 3 attempts: the server failed (Bad gateway); retry later, or raise ARGUS_LLM_MAX_RETRIES' });
    expect(retries.waits).toHaveLength(2);
  });

  it('does not retry 401, and the message names the variable but never the key', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(401, openAiError('Incorrect API key provided: sk-proj-***cdef. You can find your API key at https://platform.openai.com/account/api-keys.', null, 'invalid_api_key'));

    const error = await createOpenAiLlm(settings(), retries).complete(request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmCallError);
    expect(error).toMatchObject({ kind: 'auth', message: '401 from https://api.openai.com/v1: check OPENAI_API_KEY' });
    expect(String((error as Error).message)).not.toContain('cdef');
    expect(retries.waits).toEqual([]);
  });

  it.each([
    [400, 'bad-request'],
    [403, 'auth'],
    [404, 'bad-request'],
  ] as const)('does not retry %i', async (status, kind) => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(status, openAiError(`status ${status} for ${KEY}`));

    const error = await createOpenAiLlm(settings(), retries).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind });
    expect((error as Error).message).not.toContain(KEY);
    expect((error as Error).message).not.toMatch(/\n/);
    expect(retries.waits).toEqual([]);
  });

  it('names the model on 404', async () => {
    nock(OPENAI).post(PATH).reply(404, openAiError('The model `gpt-9` does not exist or you do not have access to it.', null, 'model_not_found'));

    const error = await createOpenAiLlm(settings({ model: 'gpt-9' })).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({
      kind: 'bad-request',
      message: '404 from https://api.openai.com/v1: no model or deployment "gpt-9" there; check llm.model / ARGUS_MODEL and OPENAI_BASE_URL (does it end in /v1?) (The model `gpt-9` does not exist or you do not have access to it.)',
    });
  });

  it('fails at once when the server asks to wait longer than 60 s', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(429, openAiError('Rate limit reached'), { 'retry-after': '3600' });

    const error = await createOpenAiLlm(settings(), retries).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({
      kind: 'rate-limit',
      message: "429 from https://api.openai.com/v1: the server asked to wait 3600 s, longer than Argus waits; lower ARGUS_LLM_CONCURRENCY or raise the account's rate limit",
    });
    expect(retries.waits).toEqual([]);
  });

  it('does not retry an exhausted quota (429 insufficient_quota)', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).reply(429, openAiError('You exceeded your current quota.', null, 'insufficient_quota', 'insufficient_quota'));

    const error = await createOpenAiLlm(settings(), retries).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'rate-limit', message: "429 from https://api.openai.com/v1: quota exhausted; check the account's billing and limits" });
    expect(retries.waits).toEqual([]);
  });

  it('retries connection failures and reports kind network', async () => {
    const retries = instantRetries();
    nock(OPENAI).post(PATH).times(2).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });

    const error = await createOpenAiLlm(settings({ maxRetries: 1 }), retries).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/^cannot reach https:\/\/api\.openai\.com\/v1 after 2 attempts \(.+\): check OPENAI_BASE_URL/);
    expect(retries.waits).toEqual([250]);
  });

  it('times out an attempt that gets no answer in time', async () => {
    nock(OPENAI).post(PATH).delay(2_000).reply(200, completion());

    const error = await createOpenAiLlm(settings({ timeoutMs: 50, maxRetries: 0 })).complete(request).catch((e: unknown) => e);

    expect(error).toMatchObject({
      kind: 'timeout',
      message: 'no answer from https://api.openai.com/v1 within 50 ms: raise ARGUS_LLM_TIMEOUT_MS, or check the server is not overloaded',
    });
  });
});

describe('createOpenAiLlm: concurrency', () => {
  it('never has more calls in flight than the limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    nock(OPENAI)
      .post(PATH)
      .times(5)
      .reply((_uri, _body, callback) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          callback(null, [200, completion()]);
        }, 60);
      });

    const llm = createOpenAiLlm(settings({ concurrency: 2 }));
    const responses = await Promise.all(Array.from({ length: 5 }, () => llm.complete(request)));

    expect(responses).toHaveLength(5);
    expect(maxInFlight).toBe(2);
  });
});

describe('createOpenAiLlm: endpoints', () => {
  it('calls Azure at /openai/deployments/<deployment>/chat/completions?api-version=... with an api-key header', async () => {
    const seen = recorder();
    nock('https://my-res.openai.azure.com', { badheaders: ['authorization'] })
      .post('/openai/deployments/review-mini/chat/completions', seen.match)
      .query({ 'api-version': '2024-10-21' })
      .matchHeader('api-key', KEY)
      .reply(200, completion());

    const llm = createOpenAiLlm(
      settings({ endpoint: { kind: 'azure', endpoint: 'https://my-res.openai.azure.com/', deployment: 'review-mini', apiVersion: '2024-10-21', apiKey: KEY } }),
    );
    await llm.complete(request);

    expect(seen.bodies).toEqual([{ model: 'gpt-4.1-mini', messages, max_completion_tokens: 1000, temperature: 0, response_format: strictFormat }]);
  });

  it('honours OPENAI_BASE_URL: a keyless local server gets max_tokens and no Authorization header', async () => {
    const seen = recorder();
    nock('http://localhost:11434', { badheaders: ['authorization'] }).post(PATH, seen.match).reply(200, completion());

    await createOpenAiLlm(settings({ model: 'qwen2.5-coder', endpoint: { kind: 'compatible', baseUrl: 'http://localhost:11434/v1', apiKey: null } })).complete(request);

    expect(seen.bodies).toEqual([{ model: 'qwen2.5-coder', messages, max_tokens: 1000, temperature: 0, response_format: strictFormat }]);
  });

  it('sends the key to a compatible server that has one (OpenRouter)', async () => {
    nock('https://openrouter.ai').post('/api/v1/chat/completions').matchHeader('authorization', 'Bearer sk-or-v1-abc').reply(200, completion());

    const response = await createOpenAiLlm(settings({ endpoint: { kind: 'compatible', baseUrl: 'https://openrouter.ai/api/v1', apiKey: 'sk-or-v1-abc' } })).complete(request);

    expect(response.content).toBe('{"findings":[]}');
  });

  it('switches max_tokens to max_completion_tokens once when a compatible server refuses it', async () => {
    const seen = recorder();
    nock('https://proxy.example')
      .post(PATH, seen.match)
      .reply(400, openAiError("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter'))
      .post(PATH, seen.match)
      .times(2)
      .reply(200, completion());

    const llm = createOpenAiLlm(settings({ model: 'o3', endpoint: { kind: 'compatible', baseUrl: 'https://proxy.example/v1', apiKey: 'k' } }));
    await llm.complete(request);
    await llm.complete(request);

    const after = { model: 'o3', messages, max_completion_tokens: 1000, response_format: strictFormat };
    expect(seen.bodies).toEqual([{ model: 'o3', messages, max_tokens: 1000, response_format: strictFormat }, after, after]);
  });
});
