/**
 * A labelled corpus for secret scanners: format-correct synthetic credentials for every provider we (or
 * secretlint's recommended preset) know, in the contexts they are committed in (.env, JS/TS, Python, YAML, JSON,
 * .npmrc, PEM), and look-alikes that must stay quiet (placeholders, environment lookups, hashes, UUIDs, base64
 * of ordinary data, test-mode keys, documentation URLs).
 *
 * Every token is assembled at run time from a seeded PRNG, so the repository never holds a real-looking
 * credential and the corpus is identical on every run. Used by bench/secrets.bench.ts (the measurement) and by
 * test/unit/static/secrets.test.ts (the regression gate).
 */

/** One labelled sample. `secrets` are the exact credential substrings of `text`; empty for a look-alike. */
export interface SecretSample {
  /** The format (for positives) or the kind of look-alike (for negatives). */
  kind: string;
  text: string;
  secrets: string[];
}

/** mulberry32: a tiny seeded PRNG, so the corpus is identical on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const URLSAFE = ALNUM + '-_';
const B64 = ALNUM + '+/';

/** Builds the corpus. `perKind` samples of each positive format (contexts rotate); negatives are fixed lines. */
export function buildSecretCorpus(perKind = 4, seed = 20240611): { positives: SecretSample[]; negatives: SecretSample[] } {
  const rand = prng(seed);
  const pick = (alphabet: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  const b64url = (s: string): string => Buffer.from(s).toString('base64url');

  /** Each generator returns the secret; contexts wrap it in the ways it is committed. */
  const formats: Array<{ kind: string; make: () => string; contexts: Array<(v: string) => string> }> = [
    { kind: 'aws-access-key-id', make: () => 'AKIA' + pick(UPPER + DIGITS, 16), contexts: ENV_AND_CODE('AWS_ACCESS_KEY_ID') },
    {
      kind: 'aws-secret-access-key',
      make: () => pick(ALNUM + '/+', 40),
      contexts: [(v) => `AWS_SECRET_ACCESS_KEY=${v}`, (v) => `aws_secret_access_key = ${v}`, (v) => `  "awsSecretAccessKey": "${v}",`, (v) => `aws_secret_key: '${v}'`],
    },
    { kind: 'github-token', make: () => 'ghp_' + pick(ALNUM, 36), contexts: ENV_AND_CODE('GITHUB_TOKEN') },
    { kind: 'github-oauth-token', make: () => 'gho_' + pick(ALNUM, 36), contexts: ENV_AND_CODE('GH_OAUTH') },
    { kind: 'github-fine-grained-token', make: () => 'github_pat_' + pick(ALNUM, 22) + '_' + pick(ALNUM, 59), contexts: ENV_AND_CODE('GH_PAT') },
    { kind: 'gitlab-token', make: () => 'glpat-' + pick(URLSAFE, 20), contexts: ENV_AND_CODE('GITLAB_TOKEN') },
    { kind: 'slack-bot-token', make: () => `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(ALNUM, 24)}`, contexts: ENV_AND_CODE('SLACK_BOT_TOKEN') },
    { kind: 'slack-app-token', make: () => `xapp-1-A${pick(UPPER + DIGITS, 10)}-${pick(DIGITS, 13)}-${pick(HEX, 64)}`, contexts: ENV_AND_CODE('SLACK_APP_TOKEN') },
    {
      kind: 'slack-webhook',
      make: () => `https://hooks.slack.com/services/T${pick(UPPER + DIGITS, 8)}/B${pick(UPPER + DIGITS, 10)}/${pick(ALNUM, 24)}`,
      contexts: ENV_AND_CODE('SLACK_WEBHOOK_URL'),
    },
    { kind: 'stripe-secret-key', make: () => 'sk_live_' + pick(ALNUM, 24), contexts: ENV_AND_CODE('STRIPE_SECRET_KEY') },
    { kind: 'stripe-restricted-key', make: () => 'rk_live_' + pick(ALNUM, 99), contexts: ENV_AND_CODE('STRIPE_RK') },
    { kind: 'google-api-key', make: () => 'AIza' + pick(URLSAFE, 35), contexts: ENV_AND_CODE('GOOGLE_MAPS_KEY') },
    {
      kind: 'openai-api-key',
      make: () => 'sk-proj-' + pick(URLSAFE, 74) + 'T3BlbkFJ' + pick(URLSAFE, 74),
      contexts: ENV_AND_CODE('OPENAI_API_KEY'),
    },
    { kind: 'openai-legacy-key', make: () => 'sk-' + pick(ALNUM, 20) + 'T3BlbkFJ' + pick(ALNUM, 20), contexts: ENV_AND_CODE('OPENAI_KEY') },
    { kind: 'anthropic-api-key', make: () => 'sk-ant-api03-' + pick(URLSAFE, 93) + 'AA', contexts: ENV_AND_CODE('ANTHROPIC_API_KEY') },
    { kind: 'npm-token', make: () => 'npm_' + pick(ALNUM, 36), contexts: [...ENV_AND_CODE('NPM_TOKEN'), (v) => `//registry.npmjs.org/:_authToken=${v}`] },
    { kind: 'sendgrid-api-key', make: () => `SG.${pick(URLSAFE, 22)}.${pick(URLSAFE, 43)}`, contexts: ENV_AND_CODE('SENDGRID_API_KEY') },
    { kind: 'shopify-access-token', make: () => 'shpat_' + pick(HEX, 32), contexts: ENV_AND_CODE('SHOPIFY_ACCESS_TOKEN') },
    { kind: 'huggingface-token', make: () => 'hf_' + pick(UPPER + LOWER, 34), contexts: ENV_AND_CODE('HF_TOKEN') },
    { kind: 'linear-api-key', make: () => 'lin_api_' + pick(ALNUM, 40), contexts: ENV_AND_CODE('LINEAR_API_KEY') },
    {
      kind: '1password-service-account-token',
      make: () => {
        // Padded so the base64 ends in "fQ==", the shape secretlint's rule (our only public reference) expects.
        let json = `{"signInAddress":"https://my.1password.com","email":"${pick(LOWER, 12)}@1passwordserviceaccounts.com","srpX":"${pick(HEX, 64)}","muk":{"k":"${pick(URLSAFE, 43)}"}`;
        while (json.length % 3 !== 0) json += ' ';
        return 'ops_' + Buffer.from(json + '}').toString('base64');
      },
      contexts: ENV_AND_CODE('OP_SERVICE_ACCOUNT_TOKEN'),
    },
    {
      kind: 'azure-storage-account-key',
      make: () => pick(B64, 86) + '==',
      contexts: [
        (v) => `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=${v};EndpointSuffix=core.windows.net"`,
        (v) => `  connectionString: 'DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=${v}',`,
        (v) => `conn = "AccountName=media;AccountKey=${v}"`,
        (v) => `"StorageConnection": "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${v}"`,
      ],
    },
    {
      kind: 'azure-ad-client-secret',
      make: () => pick(ALNUM, 3) + pick(DIGITS, 1) + 'Q~' + pick(ALNUM + '_~.-', 34),
      contexts: ENV_AND_CODE('AZURE_CLIENT_SECRET'),
    },
    {
      kind: 'private-key',
      make: () => '-----BEGIN RSA PRIVATE KEY-----',
      contexts: [(v) => `${v}\nMIIEow${pick(B64, 58)}\n${pick(B64, 64)}\n${pick(B64, 64)}\n-----END RSA PRIVATE KEY-----`],
    },
    {
      kind: 'private-key-openssh',
      make: () => '-----BEGIN OPENSSH PRIVATE KEY-----',
      contexts: [(v) => `${v}\nb3BlbnNzaC1rZXktdjE${pick(B64, 45)}\n${pick(B64, 64)}\n${pick(B64, 64)}\n-----END OPENSSH PRIVATE KEY-----`],
    },
    {
      kind: 'jwt',
      make: () =>
        `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${pick(DIGITS, 8)}","role":"admin","iat":1717000000}`)}.${pick(URLSAFE, 43)}`,
      contexts: [(v) => `Authorization: Bearer ${v}`, (v) => `const session = '${v}';`, (v) => `SERVICE_JWT=${v}`, (v) => `  token: "${v}"`],
    },
    {
      kind: 'database-url-password',
      make: () => pick(ALNUM, 16),
      contexts: [
        (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/app`,
        (v) => `const uri = "mongodb+srv://svc:${v}@cluster0.ab1cd.mongodb.net/prod";`,
        (v) => `SQLALCHEMY_DATABASE_URI = "mysql://report:${v}@10.0.3.7/reports"`,
        (v) => `REDIS_URL=rediss://default:${v}@cache.internal:6380`,
      ],
    },
    {
      kind: 'basic-auth-url',
      make: () => pick(ALNUM, 14),
      contexts: [
        (v) => `const feed = "https://deploy:${v}@artifacts.corp.net/releases";`,
        (v) => `PROXY=http://proxyuser:${v}@proxy.corp.net:3128`,
        (v) => `url = "https://ci-bot:${v}@git.corp.net/org/repo.git"`,
        (v) => `  registry: https://builder:${v}@registry.corp.net/`,
      ],
    },
    {
      kind: 'assigned-secret',
      make: () => pick(ALNUM + '!#%^', 20),
      contexts: [(v) => `const clientSecret = "${v}";`, (v) => `DB_PASSWORD="${v}"`, (v) => `  password: '${v}'`, (v) => `SECRET_KEY = "${v}"`],
    },
  ];

  const positives: SecretSample[] = [];
  for (const f of formats) {
    for (let i = 0; i < perKind; i++) {
      const value = f.make();
      positives.push({ kind: f.kind, text: f.contexts[i % f.contexts.length]!(value), secrets: [value] });
    }
  }

  const sha256 = pick(HEX, 64);
  const sha1 = pick(HEX, 40);
  const uuid = `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-a${pick(HEX, 3)}-${pick(HEX, 12)}`;
  const x = (n: number): string => 'x'.repeat(n);
  const negatives: Array<[kind: string, text: string]> = [
    ['placeholder', `GITHUB_TOKEN=ghp_${x(36)}`],
    ['placeholder', `OPENAI_API_KEY=sk-proj-${'X'.repeat(48)}`],
    ['placeholder', `AWS_SECRET_ACCESS_KEY=<your-secret-access-key>`],
    ['placeholder', `STRIPE_SECRET_KEY=sk_live_${'*'.repeat(24)}`],
    ['placeholder', `ANTHROPIC_API_KEY=sk-ant-api03-...`],
    ['placeholder', `NPM_TOKEN=npm_${x(36)}`],
    ['placeholder', `DATABASE_URL=postgres://user:password@localhost:5432/mydb`],
    ['placeholder', `REDIS_URL=redis://:\${REDIS_PASSWORD}@redis:6379`],
    ['placeholder', `const url = "https://username:password@example.com/path";`],
    ['placeholder', `SENDGRID_API_KEY=SG.${x(22)}.${x(43)}`],
    ['placeholder', `password: "changeme"`],
    ['placeholder', `const apiKey = "YOUR_API_KEY_HERE";`],
    ['placeholder', `client_secret = "<client-secret>"`],
    ['env-lookup', `const key = process.env.STRIPE_SECRET_KEY;`],
    ['env-lookup', `api_key = os.environ["OPENAI_API_KEY"]`],
    ['env-lookup', `token: \${{ secrets.NPM_TOKEN }}`],
    ['env-lookup', `password: \${DB_PASSWORD}`],
    ['env-lookup', `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`],
    ['env-lookup', `const secret = config.get("auth.clientSecret");`],
    ['env-lookup', `AWS_SECRET_ACCESS_KEY=$(aws configure get aws_secret_access_key)`],
    ['hash', `"integrity": "sha512-${Buffer.from(pick(ALNUM, 64)).toString('base64')}",`],
    ['hash', `commit: ${sha1}`],
    ['hash', `checksum = "${sha256}"`],
    ['hash', `const ETAG = "W/\\"${sha1}\\"";`],
    ['hash', `password_hash = "$2b$12$${pick(ALNUM + './', 53)}"`],
    ['uuid', `const requestId = "${uuid}";`],
    ['uuid', `tenant_id: ${uuid}`],
    ['uuid', `"subscriptionId": "${uuid}",`],
    ['base64-data', `const pixel = "data:image/png;base64,iVBORw0KGgo${pick(B64, 60)}";`],
    ['base64-data', `greeting: ${Buffer.from('hello from the staging environment, nothing to see').toString('base64')}`],
    ['base64-data', `font: url(data:font/woff2;base64,d09GMgABAAAAA${pick(B64, 80)})`],
    ['test-fixture', `stripe.setApiKey("sk_test_${pick(ALNUM, 24)}");`],
    ['test-fixture', `const publishable = "pk_live_${pick(ALNUM, 24)}";`],
    ['test-fixture', `expect(mask("AKIA")).toBe("****");`],
    ['test-fixture', `const AWS_KEY_PATTERN = /AKIA[0-9A-Z]{16}/;`],
    ['test-fixture', `const prefix = "ghp_"; // classic personal access token`],
    ['test-fixture', `if (token.startsWith("sk-ant-")) return "anthropic";`],
    ['identifier', `const accessTokenExpiresInSeconds = 3600;`],
    ['identifier', `private_key_path: "/etc/ssl/private/server.key"`],
    ['identifier', `const passwordResetUrl = "/account/password/reset";`],
    ['identifier', `secretName: "prod/payments/stripe-webhook"`],
    ['identifier', `token_endpoint: "https://login.example.com/oauth2/v2.0/token"`],
    ['identifier', `github.com/aws/aws-sdk-go-v2/service/secretsmanager v1.28.6`],
    ['identifier', `-----BEGIN PUBLIC KEY-----`],
    ['identifier', `-----BEGIN CERTIFICATE-----`],
    ['prose', `Set the password in the settings page, then rotate the API key every 90 days.`],
    ['prose', `The PEM file starts with "BEGIN PRIVATE KEY" and is loaded from the vault at boot.`],
    // Held out: written after the patterns were tuned on the lines above, and not tuned for.
    ['held-out', `apiKey: "pk_test_${pick(ALNUM, 24)}",`],
    ['held-out', `"access_token": "{{access_token}}",`],
    ['held-out', `csrfToken: "${pick(HEX, 32)}",`],
    ['held-out', `"tokenizer": "bert-base-uncased",`],
    ['held-out', `const TOKEN_STORAGE_KEY = "auth.session.token";`],
    ['held-out', `webhook_secret_header = "X-Hub-Signature-256"`],
    ['held-out', `password_regex = "^(?=.*[A-Z])(?=.*\\d).{8,}$"`],
    ['held-out', `jwt_secret = os.getenv("JWT_SECRET", "dev-secret-change-me")`],
    ['held-out', `git clone https://\${GITHUB_ACTOR}:\${GITHUB_TOKEN}@github.com/org/repo.git`],
    ['held-out', `const sri = "sha384-${Buffer.from(pick(ALNUM, 48)).toString('base64')}";`],
    ['held-out', `recaptchaSiteKey: "6Le${pick(URLSAFE, 37)}",`],
    ['held-out', `  "secretsmanager:GetSecretValue",`],
  ];
  return { positives, negatives: negatives.map(([kind, text]) => ({ kind, text, secrets: [] })) };
}

/** Four ways a token is committed: .env, JS/TS, Python, YAML. */
function ENV_AND_CODE(name: string): Array<(v: string) => string> {
  const camel = name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return [(v) => `${name}=${v}`, (v) => `const ${camel} = "${v}";`, (v) => `${name.toLowerCase()} = '${v}'`, (v) => `  ${camel}: ${v}`];
}
