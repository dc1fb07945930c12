import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiLlm, type LlmSettings } from '../../../src/llm/openai/index.js';
import type { LlmRequest } from '../../../src/review/ports.js';
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeOpenAiServerOptions } from '../../helpers/fake-openai-server.js';

const request: LlmRequest = {
  messages: [{ role: 'user', content: 'x'.repeat(40) }],
  responseSchema: { name: 'review', schema: { type: 'object' } },
  maxOutputTokens: 100,
};

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: FakeOpenAiServerOptions = {}, overrides: Partial<LlmSettings> = {}) {
  server = await startFakeOpenAiServer(options);
  const llm = createOpenAiLlm(
    { endpoint: { kind: 'compatible', baseUrl: server.url, apiKey: 'local-key' }, model: 'fake', timeoutMs: 5_000, maxRetries: 2, concurrency: 4, ...overrides },
    { sleep: async () => {} },
  );
  return { server, llm };
}

describe('startFakeOpenAiServer', () => {
  it('answers {"findings":[]} by default with computed usage, and records the request', async () => {
    const { server, llm } = await start();

    const response = await llm.complete(request);

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(response).toEqual({ content: '{"findings":[]}', model: 'fake', promptTokens: 10, completionTokens: 4, responseFormat: 'json_schema', finishReason: 'stop' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { model: 'fake', max_tokens: 100 }, headers: { authorization: 'Bearer local-key' } });
  });

  it('uses respond for content, given usage, and raw error replies', async () => {
    const { server, llm } = await start({
      respond: (body, index) =>
        index === 0 ? { status: 503, headers: { 'retry-after-ms': '1' } } : { content: `{"n":${index},"model":"${body.model}"}`, usage: { prompt_tokens: 7, completion_tokens: 3 } },
    });

    const response = await llm.complete(request);

    expect(response).toMatchObject({ content: '{"n":1,"model":"fake"}', promptTokens: 7, completionTokens: 3 });
    expect(server.requests).toHaveLength(2);
  });

  it('leaves usage out when asked, like servers that report none', async () => {
    const { llm } = await start({ respond: () => ({ content: '{}', usage: null }) });
    expect(await llm.complete(request)).toMatchObject({ promptTokens: 0, completionTokens: 0 });
  });

  it('refuses json_schema without structured outputs, so the provider falls back once', async () => {
    const { server, llm } = await start({ structuredOutputs: false });

    const first = await llm.complete(request);
    const second = await llm.complete(request);

    expect([first.responseFormat, second.responseFormat]).toEqual(['json_object', 'json_object']);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('refuses JSON mode too when asked, leaving text', async () => {
    const { server, llm } = await start({ structuredOutputs: false, jsonMode: false });
    expect((await llm.complete(request)).responseFormat).toBe('text');
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object', undefined]);
  });

  it('tracks the most requests in flight at once', async () => {
    const { server, llm } = await start({ latencyMs: 100 }, { concurrency: 3 });

    await Promise.all(Array.from({ length: 7 }, () => llm.complete(request)));

    expect(server.requests).toHaveLength(7);
    expect(server.maxInFlight).toBe(3);
  });

  it('serves /chat/completions too and 404s anything else', async () => {
    server = await startFakeOpenAiServer();
    const root = server.url.replace(/\/v1$/, '');
    const ok = await fetch(`${root}/chat/completions`, { method: 'POST', body: '{"model":"m","messages":[]}' });
    const missing = await fetch(`${root}/v1/models`);
    expect([ok.status, missing.status]).toEqual([200, 404]);
    expect(server.requests.map((r) => r.path)).toEqual(['/chat/completions']);
  });
});
