/**
 * Splits an identifier or key into lower-case words: `resetToken` -> `reset token`,
 * `CSRF_TOKEN` -> `csrf token`, `sessionID` -> `session id`, `connect.sid` -> `connect sid`.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}
