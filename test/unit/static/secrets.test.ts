import { describe, expect, it } from 'vitest';
import { maskSecret, redactSecrets, scanSecrets } from '../../../src/static/secrets/index.js';
import { buildSecretCorpus } from '../../../bench/secrets-corpus.js';

// Tokens are assembled at run time so this file does not itself look like a leak to other scanners.
const j = (...parts: string[]): string => parts.join('');
const POSITIVE: Array<[kind: string, line: string, secret: string]> = [
  ['aws-access-key-id', `const id = "${j('AKIA', 'IOSFODNN7EXAMPLE')}";`, j('AKIA', 'IOSFODNN7EXAMPLE')],
  ['aws-secret-access-key', `aws_secret_access_key = ${j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')}`, j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')],
  ['github-token', `token: ${j('ghp_', 'a'.repeat(18), 'B'.repeat(18))}`, j('ghp_', 'a'.repeat(18), 'B'.repeat(18))],
  ['github-fine-grained-token', `t=${j('github_pat_', 'A1'.repeat(41))}`, j('github_pat_', 'A1'.repeat(41))],
  ['gitlab-token', `GITLAB=${j('glpat-', 'x1Y2z3W4v5U6t7S8r9Q0')}`, j('glpat-', 'x1Y2z3W4v5U6t7S8r9Q0')],
  ['slack-token', `slack: ${j('xoxb-', '1234567890-abcdefghij')}`, j('xoxb-', '1234567890-abcdefghij')],
  ['slack-token', `SLACK_APP_TOKEN=${j('xapp-1-', 'A0123ABCDEF-4567890123456-', 'ab12'.repeat(8))}`, j('xapp-1-', 'A0123ABCDEF-4567890123456-', 'ab12'.repeat(8))],
  // Was T000/B000/XXXXXXXX before the placeholder filter: that is Slack's documentation example, now a negative below.
  ['slack-webhook', `url = ${j('https://hooks.slack.com/services/', 'T04F8K2LQ/B05R7M1XZ9P/', 'q7Vw2LpZx9Rt4Kd8Hs3Nb6Ty')}`, j('https://hooks.slack.com/services/', 'T04F8K2LQ/B05R7M1XZ9P/', 'q7Vw2LpZx9Rt4Kd8Hs3Nb6Ty')],
  ['stripe-secret-key', `stripe(${j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc')})`, j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc')],
  ['google-api-key', `key=${j('AIza', 'SyA1234567890abcdefghijklmnopqrstuv')}`, j('AIza', 'SyA1234567890abcdefghijklmnopqrstuv')],
  ['openai-api-key', `OPENAI_API_KEY=${j('sk-proj-', 'Ab3'.repeat(16))}`, j('sk-proj-', 'Ab3'.repeat(16))],
  ['anthropic-api-key', `ANTHROPIC_API_KEY=${j('sk-ant-api03-', 'Qw3_Er5-Ty7'.repeat(9), 'AA')}`, j('sk-ant-api03-', 'Qw3_Er5-Ty7'.repeat(9), 'AA')],
  ['npm-token', `NPM_TOKEN=${j('npm_', 'Zq4Rw8Ty2Ui6'.repeat(3))}`, j('npm_', 'Zq4Rw8Ty2Ui6'.repeat(3))],
  ['npm-auth-token', `//registry.npmjs.org/:_authToken=${j('3f9c2b1a-', '7d4e-4c1b-9a8f-2e6d5c4b3a21')}`, j('3f9c2b1a-', '7d4e-4c1b-9a8f-2e6d5c4b3a21')],
  ['sendgrid-api-key', `SENDGRID=${j('SG.', 'Rt5Yu7Io9Pa1Sd3Fg5Hj7K', '.', 'Lz2Xc4Vb6Nm8Qw0Er2Ty4Ui6Op8As0Df2Gh4Jk6Lz8X')}`, j('SG.', 'Rt5Yu7Io9Pa1Sd3Fg5Hj7K', '.', 'Lz2Xc4Vb6Nm8Qw0Er2Ty4Ui6Op8As0Df2Gh4Jk6Lz8X')],
  ['shopify-token', `token = "${j('shpat_', '9f3a7c1e5b2d8f4a6c0e1b3d5f7a9c2e')}"`, j('shpat_', '9f3a7c1e5b2d8f4a6c0e1b3d5f7a9c2e')],
  ['huggingface-token', `HF_TOKEN=${j('hf_', 'QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi')}`, j('hf_', 'QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi')],
  ['linear-api-key', `LINEAR=${j('lin_api_', 'Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg3Hi5Jk7Lm9No1P')}`, j('lin_api_', 'Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg3Hi5Jk7Lm9No1P')],
  ['azure-storage-key', `conn="AccountName=media;${j('AccountKey=')}${j('Zx8Qp2Lk9Wm4Tr7Vb+/'.repeat(4), 'Zx8Qp2Lk9W', '==')};"`, j('Zx8Qp2Lk9Wm4Tr7Vb+/'.repeat(4), 'Zx8Qp2Lk9W', '==')],
  ['azure-client-secret', `AZURE_CLIENT_SECRET=${j('aB3', '7Q~', 'Xy9_Zw8.Vu7-Ts6~Rq5Po4Nm3Lk2Ji1Hg0')}`, j('aB3', '7Q~', 'Xy9_Zw8.Vu7-Ts6~Rq5Po4Nm3Lk2Ji1Hg0')],
  ['private-key', j('-----BEGIN RSA ', 'PRIVATE KEY-----'), j('-----BEGIN RSA ', 'PRIVATE KEY-----')],
  ['jwt', `auth: ${j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')}`, j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')],
  ['database-url-password', `DATABASE_URL=postgres://app:${j('Wq8vRt2', 'LpZx9')}@db:5432/app`, j('Wq8vRt2', 'LpZx9')],
  ['database-url-password', `REDIS_URL=redis://:${j('Hn4Kd8', 'Ws2Qz6')}@cache:6379`, j('Hn4Kd8', 'Ws2Qz6')],
  ['url-password', `const feed = "https://deploy:${j('Tq9Lm', '3Xv7Rk')}@artifacts.corp.net/releases";`, j('Tq9Lm', '3Xv7Rk')],
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
  // Placeholders in token shape, and defaults that ship with a tool.
  `GITHUB_TOKEN=ghp_${'x'.repeat(36)}`,
  `SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/${'X'.repeat(24)}`,
  `STRIPE_SECRET_KEY=sk_live_${'*'.repeat(24)}`,
  'ANTHROPIC_API_KEY=sk-ant-api03-...',
  'DATABASE_URL=postgres://user:password@localhost:5432/mydb',
  'AMQP_URL=amqp://guest:guest@localhost:5672',
  'const url = "https://username:password@example.com/path";',
  'git clone https://${GITHUB_ACTOR}:${GITHUB_TOKEN}@github.com/org/repo.git',
  '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
  // Names that hold something about a secret, not the secret.
  'private_key_path: "/etc/ssl/private/server.key"',
  'const passwordResetUrl = "/account/password/reset";',
  'token_endpoint: "https://login.example.com/oauth2/v2.0/token"',
  'password_hash = "$2b$12$Hire2WEeNmPSpAWHJPSjptD2qEa6DN4WMsWRThZnvhDTMvgUYn3Zy"',
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

  it('reports a value once when two formats match it (the more specific one wins)', () => {
    const token = j('npm_', 'Zq4Rw8Ty2Ui6'.repeat(3));
    expect(scanSecrets(`//registry.npmjs.org/:_authToken=${token}`)).toMatchObject([{ kind: 'npm-token', value: token }]);
  });

  it('points at the password, not at a user name that has the same text', () => {
    const pw = j('Wq8vRt2', 'LpZx9');
    const line = `postgres://${pw}x:${pw}@db/app`;
    expect(scanSecrets(line)).toMatchObject([{ kind: 'database-url-password', column: line.lastIndexOf(pw) }]);
  });
});

describe('scanSecrets on the labelled corpus (bench/secrets-corpus.ts)', () => {
  const { positives, negatives } = buildSecretCorpus(4);

  it('finds every credential', () => {
    const missed = positives.filter((p) => !p.secrets.every((s) => scanSecrets(p.text).some((m) => m.value === s)));
    expect(missed.map((p) => `${p.kind}: ${p.text}`)).toEqual([]);
  });

  it('stays quiet on every look-alike it was tuned on', () => {
    const flagged = negatives.filter((n) => n.kind !== 'held-out' && scanSecrets(n.text).length > 0);
    expect(flagged.map((n) => `${n.kind}: ${n.text}`)).toEqual([]);
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

  it('redacts the new provider formats too', () => {
    const key = j('sk-ant-api03-', 'Qw3_Er5-Ty7'.repeat(9), 'AA');
    expect(redactSecrets(`key: ${key}`)).toBe('key: [REDACTED:anthropic-api-key]');
  });

  it('returns text without secrets unchanged', () => {
    expect(redactSecrets('nothing here\n')).toBe('nothing here\n');
  });

  it('redacts a private key block whole, body lines included, and never passes a line it could not read whole', () => {
    const body = ['MIIEowIBAAKCAQEAx3k9Qm2vLw8pZ', 'r7TnY4bHc1sWq0eKdJ5fXgUoP6aMi', 'Nl2yVt8Rz3QwE9uHj4KcBm7Ds1FgA'];
    const text = [`const pem = \``, j('-----BEGIN RSA ', 'PRIVATE KEY-----'), ...body, j('-----END RSA ', 'PRIVATE KEY-----'), '`;'].join('\n');
    const out = redactSecrets(text);
    for (const part of body) expect(out).not.toContain(part);
    expect(out.split('\n')).toHaveLength(7);
    expect(redactSecrets(`x = "${'a'.repeat(5000)}"`)).toBe('[line not shown: 5006 characters]');
  });
});
