/** Values that are obviously not real credentials: fillers, template variables, "your-key-here" and friends. */
const PLACEHOLDER =
  /^(?:x+|\*+|\.+|<[^>]*>|\$\{[^}]*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|%[^%]*%|(?:your|my|example|sample|dummy|fake|test|changeme|placeholder|redacted|secret|password|token)[-_a-z0-9]*)$/i;

/** A run of one filler character, as in `ghp_xxxxxxxx…` or `sk_live_********`: never part of a real token. */
const FILLER_RUN = /([xX*0#.])\1{5,}/;

/** Passwords that ship as defaults or stand in for one in docs (`amqp://guest:guest@…`, `user:pass@host`). */
const DEFAULT_PASSWORDS = new Set(['pass', 'passwd', 'pwd', 'pw', 'guest', 'postgres', 'root', 'admin', 'mysql', 'redis', 'user', 'username']);

/**
 * True when `value` is a stand-in rather than a credential: a filler (`xxxx`, `****`), a template or shell
 * variable (`${TOKEN}`, `$(cmd)`, `{{ secret }}`, `%KEY%`), a "your-key-here" word, an ellipsis, or a run
 * of one filler character inside an otherwise token-shaped value.
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || FILLER_RUN.test(value) || value.includes('...');
}

/** True when a password in a URL is a placeholder, a well-known default, or the user name repeated. */
export function isPlaceholderPassword(password: string, user: string): boolean {
  const p = password.toLowerCase();
  return isPlaceholder(password) || DEFAULT_PASSWORDS.has(p) || p === user.toLowerCase();
}
