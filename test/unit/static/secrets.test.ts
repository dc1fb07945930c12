import { describe, expect, it } from 'vitest';
import { maskSecret, redactSecrets, scanSecrets } from '../../../src/static/secrets/index.js';

// Tokens are assembled at run time so this file does not itself look like a leak to other scanners.
const j = (...parts: string[]): string => parts.join('');
const POSITIVE: Array<[kind: string, line: string, secret: string]> = [
  ['aws-access-key-id', `const id = "${j('AKIA', 'IOSFODNN7EXAMPLE')}";`, j('AKIA', 'IOSFODNN7EXAMPLE')],
  ['aws-secret-access-key', `aws_secret_access_key = ${j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')}`, j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')],
  ['github-token', `token: ${j('ghp_', 'a'.repeat(18), 'B'.repeat(18))}`, j('ghp_', 'a'.repeat(18), 'B'.repeat(18))],
  ['github-fine-grained-token', `t=${j('github_pat_', 'A1'.repeat(41))}`, j('github_pat_', 'A1'.repeat(41))],
  ['gitlab-token', `GITLAB=${j('glpat-', 'x1Y2z3W4v5U6t7S8r9Q0')}`, j('glpat-', 'x1Y2z3W4v5U6t7S8r9Q0')],
  ['slack-token', `slack: ${j('xoxb-', '1234567890-abcdefghij')}`, j('xoxb-', '1234567890-abcdefghij')],
  ['slack-webhook', `url = ${j('https://hooks.slack.com/services/', 'T000/B000/XXXXXXXX')}`, j('https://hooks.slack.com/services/', 'T000/B000/XXXXXXXX')],
  ['stripe-secret-key', `stripe(${j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc')})`, j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc')],
  ['google-api-key', `key=${j('AIza', 'SyA1234567890abcdefghijklmnopqrstuv')}`, j('AIza', 'SyA1234567890abcdefghijklmnopqrstuv')],
  ['openai-api-key', `OPENAI_API_KEY=${j('sk-proj-', 'Ab3'.repeat(16))}`, j('sk-proj-', 'Ab3'.repeat(16))],
  ['private-key', j('-----BEGIN RSA ', 'PRIVATE KEY-----'), j('-----BEGIN RSA ', 'PRIVATE KEY-----')],
  ['jwt', `auth: ${j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')}`, j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')],
  ['database-url-password', `DATABASE_URL=postgres://app:${j('Wq8vRt2', 'LpZx9')}@db:5432/app`, j('Wq8vRt2', 'LpZx9')],
  ['assigned-secret', `const clientSecret = "${j('Zx8Qp2Lk', '9Wm4Tr7Vb')}";`, j('Zx8Qp2Lk', '9Wm4Tr7Vb')],
];

const NEGATIVE: string[] = [
  'const AKIA = "AKIAshort";',
  'const password = process.env.DB_PASSWORD;',
  'const password = "changeme123";',
  'const token = "${TOKEN}";',
  'const apiKey = "xxxxxxxxxxxxxxxx";',
  'const passwordField = "aaaaaaaaaaaa";',
  'DATABASE_URL=postgres://localhost:5432/app',
  'import { ghp } from "./github";',
  'const sk = "sk-not-a-real-key";',
  'const secretName = "db-password";',
];

describe('scanSecrets', () => {
  it.each(POSITIVE)('finds %s', (kind, line, secret) => {
    const found = scanSecrets(`first line\n${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind, line: 2, value: secret, column: line.indexOf(secret) });
  });

  it.each(NEGATIVE)('stays quiet on %s', (line) => {
    expect(scanSecrets(line)).toEqual([]);
  });

  it('scans only the given lines', () => {
    const text = `a\nconst id = "${j('AKIA', 'IOSFODNN7EXAMPLE')}";\nb`;
    expect(scanSecrets(text, new Set([1, 3]))).toEqual([]);
    expect(scanSecrets(text, new Set([2]))).toHaveLength(1);
  });
});

describe('maskSecret', () => {
  it('shows at most four characters and never a quarter of the value', () => {
    expect(maskSecret('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA************');
    expect(maskSecret('abcdefgh')).toBe('ab******');
    expect(maskSecret('abc')).toBe('****');
  });
});

describe('redactSecrets', () => {
  it('replaces every secret with a placeholder and keeps the rest byte for byte', () => {
    const key = j('AKIA', 'IOSFODNN7EXAMPLE');
    const pw = j('Wq8vRt2', 'LpZx9');
    const text = `line one\r\nid="${key}" url=postgres://u:${pw}@h/db\nend`;
    expect(redactSecrets(text)).toBe('line one\r\nid="[REDACTED:aws-access-key-id]" url=postgres://u:[REDACTED:database-url-password]@h/db\nend');
  });

  it('returns text without secrets unchanged', () => {
    expect(redactSecrets('nothing here\n')).toBe('nothing here\n');
  });
});
