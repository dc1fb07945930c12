import { z } from 'zod';

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const appEnvSchema = z.object({
  ARGUS_REVIEW_CONCURRENCY: whole('ARGUS_REVIEW_CONCURRENCY', 1, 64, 2),
  ARGUS_MAX_QUEUE: whole('ARGUS_MAX_QUEUE', 1, 100_000, 100),
  /** 0 means no daily cap. */
  ARGUS_DAILY_TOKEN_CAP: whole('ARGUS_DAILY_TOKEN_CAP', 0, 1_000_000_000, 2_000_000),
});

/** The App's own settings (the LLM's are read by `resolveLlmSettings`). */
export type AppEnv = z.infer<typeof appEnvSchema>;

/** Reads the App's settings; throws one Error whose lines each say what to fix. */
export function readAppEnv(env: Readonly<Record<string, string | undefined>>): AppEnv {
  const parsed = appEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'));
  return parsed.data;
}
