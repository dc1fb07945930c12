import { z } from 'zod';
import { DEFAULT_MODEL } from './default-model.js';
import type { LlmEndpoint, LlmSettings } from './llm-settings.js';

/** The result of reading the LLM settings: usable settings, or a one-line reason saying how to fix them. */
export type LlmSettingsResult = { ok: true; settings: LlmSettings } | { ok: false; reason: string };

/** Environment variables as `process.env` holds them. */
export type LlmEnv = Readonly<Record<string, string | undefined>>;

/** Default per-attempt timeout, retry count and concurrency (the `ARGUS_LLM_*` variables override them). */
export const LLM_DEFAULTS = { timeoutMs: 60_000, maxRetries: 3, concurrency: 4 } as const;

const OPENAI_HOST = 'api.openai.com';

// `KEY=` in a .env file means "unset", and pasted keys often carry a trailing newline.
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value;

const optionalText = z.preprocess(blankToUndefined, z.string().optional());

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value !== undefined && !(/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max)) {
          ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}` });
        }
      })
      .transform((value) => (value === undefined ? fallback : Number(value))),
  );
}

function httpUrl(name: string, example: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value !== undefined && !isHttpUrl(value)) {
          ctx.addIssue({ code: 'custom', message: `${name} must be an http:// or https:// URL such as ${example}, got ${JSON.stringify(value)}` });
        }
      }),
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const envSchema = z.object({
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: httpUrl('OPENAI_BASE_URL', 'http://localhost:11434/v1'),
  OPENAI_ORG_ID: optionalText,
  OPENAI_PROJECT_ID: optionalText,
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_ENDPOINT: httpUrl('AZURE_OPENAI_ENDPOINT', 'https://my-resource.openai.azure.com'),
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  OPENAI_API_VERSION: optionalText,
  ARGUS_MODEL: optionalText,
  ARGUS_LLM_TIMEOUT_MS: wholeNumber('ARGUS_LLM_TIMEOUT_MS', 1_000, 600_000, LLM_DEFAULTS.timeoutMs),
  ARGUS_LLM_MAX_RETRIES: wholeNumber('ARGUS_LLM_MAX_RETRIES', 0, 10, LLM_DEFAULTS.maxRetries),
  ARGUS_LLM_CONCURRENCY: wholeNumber('ARGUS_LLM_CONCURRENCY', 1, 64, LLM_DEFAULTS.concurrency),
});
type ParsedEnv = z.infer<typeof envSchema>;

/**
 * Reads the LLM provider settings from environment variables. Azure OpenAI when `AZURE_OPENAI_ENDPOINT` is
 * set; otherwise `OPENAI_BASE_URL` (any OpenAI-compatible server; the key may be absent for a server other
 * than api.openai.com, since local servers need none) or api.openai.com with `OPENAI_API_KEY`.
 * The model is `configModel` (the repository's `llm.model`), else `ARGUS_MODEL`, else {@link DEFAULT_MODEL}.
 * Never throws: a bad or missing value gives `{ ok: false, reason }`, one line saying how to fix it.
 */
export function resolveLlmSettings(env: LlmEnv, configModel: string | null): LlmSettingsResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const vars = parsed.data;
  const model = configModel ?? vars.ARGUS_MODEL ?? DEFAULT_MODEL;
  const endpoint = resolveEndpoint(vars, model);
  if ('reason' in endpoint) return { ok: false, reason: endpoint.reason };
  return {
    ok: true,
    settings: {
      endpoint,
      model,
      timeoutMs: vars.ARGUS_LLM_TIMEOUT_MS,
      maxRetries: vars.ARGUS_LLM_MAX_RETRIES,
      concurrency: vars.ARGUS_LLM_CONCURRENCY,
    },
  };
}

function resolveEndpoint(vars: ParsedEnv, model: string): LlmEndpoint | { reason: string } {
  if (vars.AZURE_OPENAI_ENDPOINT !== undefined) {
    if (vars.OPENAI_BASE_URL !== undefined) {
      return { reason: 'AZURE_OPENAI_ENDPOINT and OPENAI_BASE_URL are both set: unset OPENAI_BASE_URL to use Azure OpenAI, or AZURE_OPENAI_ENDPOINT to use the other server' };
    }
    if (vars.AZURE_OPENAI_API_KEY === undefined) {
      return { reason: 'AZURE_OPENAI_API_KEY is not set: copy a key from the Azure OpenAI resource (Resource Management > Keys and Endpoint)' };
    }
    if (vars.OPENAI_API_VERSION === undefined) {
      return { reason: 'OPENAI_API_VERSION is not set: Azure OpenAI needs an API version, e.g. OPENAI_API_VERSION=2024-10-21' };
    }
    return {
      kind: 'azure',
      endpoint: vars.AZURE_OPENAI_ENDPOINT,
      deployment: vars.AZURE_OPENAI_DEPLOYMENT ?? model,
      apiVersion: vars.OPENAI_API_VERSION,
      apiKey: vars.AZURE_OPENAI_API_KEY,
    };
  }
  const baseUrl = vars.OPENAI_BASE_URL;
  if (baseUrl !== undefined && new URL(baseUrl).hostname !== OPENAI_HOST) {
    return { kind: 'compatible', baseUrl, apiKey: vars.OPENAI_API_KEY ?? null };
  }
  if (vars.OPENAI_API_KEY === undefined) {
    if (vars.AZURE_OPENAI_API_KEY !== undefined) {
      return { reason: 'AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_ENDPOINT is not: export AZURE_OPENAI_ENDPOINT=https://<resource>.openai.azure.com to use Azure OpenAI' };
    }
    return { reason: 'OPENAI_API_KEY is not set: export it (or OPENAI_BASE_URL for a local server, or AZURE_OPENAI_ENDPOINT for Azure) to enable the LLM pass' };
  }
  return {
    kind: 'openai',
    baseUrl: baseUrl ?? `https://${OPENAI_HOST}/v1`,
    apiKey: vars.OPENAI_API_KEY,
    organization: vars.OPENAI_ORG_ID ?? null,
    project: vars.OPENAI_PROJECT_ID ?? null,
  };
}
