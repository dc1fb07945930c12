export { scanSecrets, type SecretMatch } from './scan-secrets.js';
export { maskSecret } from './mask-secret.js';
export { redactSecrets } from './redact-secrets.js';
export { SECRET_PATTERNS, type SecretPattern } from './secret-patterns.js';
export { redactLines, redactText, MAX_SENT_LINE_LENGTH } from './redact-lines.js';
