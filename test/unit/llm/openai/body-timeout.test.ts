import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiLlm } from '../../../../src/llm/openai/index.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('createOpenAiLlm: timeout covers the body', () => {
  // The SDK's own timer stops once headers arrive; a server that then stalls must still time out.
  it('times out a server that sends headers and then stalls the body', async () => {
    let requests = 0;
    server = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"chatcmpl-1","choices":[');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

    const llm = createOpenAiLlm(
      { endpoint: { kind: 'compatible', baseUrl, apiKey: null }, model: 'local', timeoutMs: 400, maxRetries: 0, concurrency: 1 },
    );
    const error = await llm.complete({ messages: [{ role: 'user', content: 'hi' }], responseSchema: { name: 'r', schema: { type: 'object' } }, maxOutputTokens: 10 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'timeout', message: `no answer from ${baseUrl} within 400 ms: raise ARGUS_LLM_TIMEOUT_MS, or check the server is not overloaded` });
    // The one attempt reached the server, which sent headers at once: the time ran out reading the body.
    expect(requests).toBe(1);
  });
});
