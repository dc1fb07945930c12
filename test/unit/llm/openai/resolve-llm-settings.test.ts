import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, resolveLlmSettings } from '../../../../src/llm/openai/index.js';

const defaults = { timeoutMs: 60_000, maxRetries: 3, concurrency: 4 };

describe('resolveLlmSettings', () => {
  it('uses api.openai.com with OPENAI_API_KEY and the defaults', () => {
    expect(resolveLlmSettings({ OPENAI_API_KEY: 'sk-a' }, null)).toEqual({
      ok: true,
      settings: { endpoint: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-a', organization: null, project: null }, model: DEFAULT_MODEL, ...defaults },
    });
    expect(DEFAULT_MODEL).toBe('gpt-4.1-mini');
  });

  it('takes the model from the repo config, else ARGUS_MODEL, else the default', () => {
    const env = { OPENAI_API_KEY: 'sk-a', ARGUS_MODEL: 'gpt-4.1' };
    expect(resolveLlmSettings(env, 'o4-mini')).toMatchObject({ ok: true, settings: { model: 'o4-mini' } });
    expect(resolveLlmSettings(env, null)).toMatchObject({ ok: true, settings: { model: 'gpt-4.1' } });
    expect(resolveLlmSettings({ OPENAI_API_KEY: 'sk-a', ARGUS_MODEL: '  ' }, null)).toMatchObject({ ok: true, settings: { model: DEFAULT_MODEL } });
  });

  it('reads the timeout, retry and concurrency knobs and trims values', () => {
    const result = resolveLlmSettings({ OPENAI_API_KEY: ' sk-a\n', ARGUS_LLM_TIMEOUT_MS: '120000', ARGUS_LLM_MAX_RETRIES: '0', ARGUS_LLM_CONCURRENCY: '16' }, null);
    expect(result).toMatchObject({ ok: true, settings: { endpoint: { apiKey: 'sk-a' }, timeoutMs: 120_000, maxRetries: 0, concurrency: 16 } });
  });

  it('passes OPENAI_ORG_ID and OPENAI_PROJECT_ID for api.openai.com', () => {
    expect(resolveLlmSettings({ OPENAI_API_KEY: 'sk-a', OPENAI_ORG_ID: 'org-1', OPENAI_PROJECT_ID: 'proj_1' }, null)).toMatchObject({
      ok: true,
      settings: { endpoint: { kind: 'openai', organization: 'org-1', project: 'proj_1' } },
    });
  });

  it('says how to enable the LLM pass when nothing is configured (an empty KEY= counts as unset)', () => {
    expect(resolveLlmSettings({ OPENAI_API_KEY: '' }, null)).toEqual({
      ok: false,
      reason: 'OPENAI_API_KEY is not set: export it (or OPENAI_BASE_URL for a local server, or AZURE_OPENAI_ENDPOINT for Azure) to enable the LLM pass',
    });
  });

  it('accepts OPENAI_BASE_URL without a key for a server other than api.openai.com', () => {
    expect(resolveLlmSettings({ OPENAI_BASE_URL: 'http://localhost:11434/v1' }, 'qwen2.5-coder:7b')).toEqual({
      ok: true,
      settings: { endpoint: { kind: 'compatible', baseUrl: 'http://localhost:11434/v1', apiKey: null }, model: 'qwen2.5-coder:7b', ...defaults },
    });
    expect(resolveLlmSettings({ OPENAI_BASE_URL: 'https://openrouter.ai/api/v1', OPENAI_API_KEY: 'sk-or-1' }, null)).toMatchObject({
      ok: true,
      settings: { endpoint: { kind: 'compatible', baseUrl: 'https://openrouter.ai/api/v1', apiKey: 'sk-or-1' } },
    });
  });

  it('still requires the key when OPENAI_BASE_URL points at api.openai.com', () => {
    expect(resolveLlmSettings({ OPENAI_BASE_URL: 'https://api.openai.com/v1' }, null)).toMatchObject({ ok: false, reason: expect.stringMatching(/^OPENAI_API_KEY is not set/) });
  });

  it('configures Azure OpenAI from its variables, the deployment defaulting to the model', () => {
    const env = { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_API_KEY: 'az-key', OPENAI_API_VERSION: '2024-10-21' };
    expect(resolveLlmSettings(env, null)).toEqual({
      ok: true,
      settings: { endpoint: { kind: 'azure', endpoint: 'https://res.openai.azure.com', deployment: DEFAULT_MODEL, apiVersion: '2024-10-21', apiKey: 'az-key' }, model: DEFAULT_MODEL, ...defaults },
    });
    expect(resolveLlmSettings({ ...env, AZURE_OPENAI_DEPLOYMENT: 'argus-prod' }, null)).toMatchObject({ ok: true, settings: { endpoint: { deployment: 'argus-prod' } } });
  });

  it.each([
    [{ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', OPENAI_API_VERSION: '2024-10-21' }, 'AZURE_OPENAI_API_KEY is not set: copy a key from the Azure OpenAI resource (Resource Management > Keys and Endpoint)'],
    [{ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }, 'OPENAI_API_VERSION is not set: Azure OpenAI needs an API version, e.g. OPENAI_API_VERSION=2024-10-21'],
    [{ AZURE_OPENAI_API_KEY: 'k' }, 'AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_ENDPOINT is not: export AZURE_OPENAI_ENDPOINT=https://<resource>.openai.azure.com to use Azure OpenAI'],
    [
      { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', OPENAI_API_VERSION: 'v', OPENAI_BASE_URL: 'http://localhost:1234/v1' },
      'AZURE_OPENAI_ENDPOINT and OPENAI_BASE_URL are both set: unset OPENAI_BASE_URL to use Azure OpenAI, or AZURE_OPENAI_ENDPOINT to use the other server',
    ],
    [{ OPENAI_API_KEY: 'sk-a', ARGUS_LLM_CONCURRENCY: 'x' }, 'ARGUS_LLM_CONCURRENCY must be a whole number from 1 to 64, got "x"'],
    [{ OPENAI_API_KEY: 'sk-a', ARGUS_LLM_CONCURRENCY: '0' }, 'ARGUS_LLM_CONCURRENCY must be a whole number from 1 to 64, got "0"'],
    [{ OPENAI_API_KEY: 'sk-a', ARGUS_LLM_MAX_RETRIES: '-1' }, 'ARGUS_LLM_MAX_RETRIES must be a whole number from 0 to 10, got "-1"'],
    [{ OPENAI_API_KEY: 'sk-a', ARGUS_LLM_TIMEOUT_MS: '1.5' }, 'ARGUS_LLM_TIMEOUT_MS must be a whole number from 1000 to 600000, got "1.5"'],
    [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL must be an http:// or https:// URL such as http://localhost:11434/v1, got "localhost:11434"'],
    [{ AZURE_OPENAI_ENDPOINT: 'res.openai.azure.com' }, 'AZURE_OPENAI_ENDPOINT must be an http:// or https:// URL such as https://my-resource.openai.azure.com, got "res.openai.azure.com"'],
  ])('rejects %o with a reason saying how to fix it', (env, reason) => {
    expect(resolveLlmSettings(env, null)).toEqual({ ok: false, reason });
  });

  it('reports every bad value on one line', () => {
    const result = resolveLlmSettings({ OPENAI_API_KEY: 'sk-a', ARGUS_LLM_CONCURRENCY: '100', ARGUS_LLM_TIMEOUT_MS: 'soon' }, null);
    expect(result).toEqual({
      ok: false,
      reason: 'ARGUS_LLM_TIMEOUT_MS must be a whole number from 1000 to 600000, got "soon"; ARGUS_LLM_CONCURRENCY must be a whole number from 1 to 64, got "100"',
    });
  });

  it('never puts a key in a reason', () => {
    const result = resolveLlmSettings({ OPENAI_API_KEY: 'sk-secret-123', AZURE_OPENAI_API_KEY: 'az-secret', ARGUS_LLM_CONCURRENCY: 'many' }, null);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });
});
