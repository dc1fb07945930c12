import type { FetchLike } from './create-openai-client.js';

/**
 * Wraps `fetch` so that every error response carries OpenAI's `{ "error": { message, param, ... } }` body.
 * The SDK reads only that shape; older vLLM (`{ "object": "error", "message": ... }`) and FastAPI-based servers
 * (`{ "detail": ... }`) would otherwise reach us as "400 status code (no body)", hiding the words
 * (e.g. "response_format") that decide the format fallback.
 */
export function withOpenAiErrorBodies(fetchImpl?: FetchLike): FetchLike {
  return async (input, init) => {
    // Looked up per call, not captured: test interceptors replace the global after modules load.
    const response = await (fetchImpl ?? globalThis.fetch)(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const error = openAiErrorOf(text);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(error === null ? text : JSON.stringify({ error }), { status: response.status, statusText: response.statusText, headers });
  };
}

function openAiErrorOf(text: string): Record<string, unknown> | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: text };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { message: text };
  const record = body as Record<string, unknown>;
  if ('error' in record) return null;
  if (typeof record['message'] === 'string') {
    const { message, type, param, code } = record;
    return { message, type, param: typeof param === 'string' ? param : null, code: typeof code === 'string' ? code : null };
  }
  if ('detail' in record) return { message: typeof record['detail'] === 'string' ? record['detail'] : JSON.stringify(record['detail']) };
  return { message: text };
}
