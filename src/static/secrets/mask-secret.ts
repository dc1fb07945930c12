/**
 * Masks a secret for display: keeps a short prefix so a reader can tell which credential it is,
 * hides the rest. Never returns more than 4 characters of the value, nor more than a quarter of it.
 */
export function maskSecret(value: string): string {
  const keep = Math.min(4, Math.floor(value.length / 4));
  return value.slice(0, keep) + '*'.repeat(Math.max(4, Math.min(value.length - keep, 12)));
}
