import { pino, type Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log object (tokens, keys, auth headers). */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'privateKey',
  '*.privateKey',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["api-key"]',
  '*.headers["api-key"]',
  'env.OPENAI_API_KEY',
  'env.AZURE_OPENAI_API_KEY',
  'env.GITHUB_TOKEN',
  'env.PRIVATE_KEY',
  'env.WEBHOOK_SECRET',
];

export interface LoggerOptions {
  level?: pino.LevelWithSilent;
  /** Where JSON lines go; stderr by default so stdout stays the CLI's report. */
  destination?: pino.DestinationStream;
}

/** The one logger factory: JSON lines, secrets redacted. Bind context with `logger.child({ ... })`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'argus',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: undefined,
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

export type { Logger };
