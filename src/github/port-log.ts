/** The logging the port does: warnings about data it had to work around (a pino logger fits). */
export interface PortLog {
  warn(details: Record<string, unknown>, message: string): void;
}

/** A {@link PortLog} that drops everything, for callers that pass none. */
export const SILENT_LOG: PortLog = { warn: () => undefined };
