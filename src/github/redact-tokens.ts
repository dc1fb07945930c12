// GitHub's token formats: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  // Old-style installation tokens. (Old 40-hex personal tokens look like commit SHAs; those stay readable.)
  /\bv1\.[0-9a-f]{40}\b/g,
  /\b(bearer|token)\s+[A-Za-z0-9._~+/-]{20,}=*/gi,
  /(access_token|client_secret)=[^&\s]+/gi,
];

/**
 * Masks anything shaped like a GitHub token in a message. GitHub does not echo tokens, but a proxy or an
 * Enterprise server might, and these messages end up in logs and PR comments.
 */
export function redactTokens(text: string): string {
  return TOKEN_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[REDACTED]'), text);
}
