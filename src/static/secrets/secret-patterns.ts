/** A token format a provider documents, recognised by shape alone. */
export interface SecretPattern {
  kind: string;
  title: string;
  /** Must be global; group 1, when present, is the secret part (the rest is context). */
  regex: RegExp;
}

/**
 * Provider token formats. Anchored on documented prefixes and lengths so ordinary identifiers do not
 * match; each one is exercised by a positive and a negative test.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'aws-access-key-id', title: 'AWS access key id', regex: /\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b/g },
  {
    kind: 'aws-secret-access-key',
    title: 'AWS secret access key',
    regex: /aws_?secret_?(?:access_?)?key["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
  },
  { kind: 'github-token', title: 'GitHub token', regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255})\b/g },
  { kind: 'github-fine-grained-token', title: 'GitHub fine-grained token', regex: /\b(github_pat_[A-Za-z0-9_]{82})\b/g },
  { kind: 'gitlab-token', title: 'GitLab token', regex: /\b(glpat-[A-Za-z0-9_-]{20,})\b/g },
  { kind: 'slack-token', title: 'Slack token', regex: /\b(xox[baprs]-[A-Za-z0-9-]{10,})\b/g },
  {
    kind: 'slack-webhook',
    title: 'Slack webhook URL',
    regex: /(https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]+)/g,
  },
  { kind: 'stripe-secret-key', title: 'Stripe secret key', regex: /\b((?:sk|rk)_live_[A-Za-z0-9]{20,})\b/g },
  { kind: 'google-api-key', title: 'Google API key', regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g },
  {
    kind: 'openai-api-key',
    title: 'OpenAI API key',
    regex: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'private-key',
    title: 'Private key',
    regex: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)/g,
  },
  {
    kind: 'jwt',
    title: 'JSON Web Token',
    regex: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'database-url-password',
    title: 'Database URL with a password',
    // Only the password part (group 1) is the secret; user and host stay readable.
    regex:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:@\s/"'`]+:([^@\s/"'`]+)@[^\s"'`]+/gi,
  },
];
