import { describe, expect, it } from 'vitest';
import { buildReviewMessages, buildReviewUnits, redactLines, redactText } from '../../../../src/llm/prompt/index.js';
import { fileChange } from './file-change.js';
import { SECRETS, SECRETS_NEW, SECRETS_OLD } from './secret-fixture.js';

const j = (...parts: string[]): string => parts.join('');

describe('redaction of everything sent to the model', () => {
  it('leaves no secret of the fixture diff, PR text, instructions or static findings in the built messages', () => {
    const file = fileChange('src/config.ts', SECRETS_OLD, SECRETS_NEW);
    const { units } = buildReviewUnits(file, { maxUnitTokens: 100_000 });
    expect(units.length).toBeGreaterThan(0);
    const messages = buildReviewMessages({
      units,
      pullRequest: { title: `Rotate ${SECRETS.bodyToken}`, body: `New key: ${SECRETS.bodyToken}\nOld: ${SECRETS.oldToken}` },
      instructions: `Deploy with STRIPE_KEY=${SECRETS.instructionsKey}`,
      language: 'en',
      staticFindings: [{ path: 'src/config.ts', line: 3, ruleId: 'security/hardcoded-credentials', title: `Hard-coded ${SECRETS.aws}` }],
      nonce: 'feedface12345678',
    });
    const sent = messages.map((m) => m.content).join('\n');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(sent.includes(value), `${name} leaked`).toBe(false);
    }
    for (const kind of ['aws-access-key-id', 'github-token', 'jwt', 'database-url-password', 'assigned-secret', 'private-key', 'gitlab-token', 'stripe-secret-key']) {
      expect(sent).toContain(`[REDACTED:${kind}]`);
    }
    // The user name and host of the database URL stay readable; only the password goes.
    expect(sent).toContain("'postgres://app:[REDACTED:database-url-password]@db.internal:5432/app'");
  });

  it('redacts a private key block from its BEGIN line through its END line', () => {
    const lines = ['const k = `' + j('-----BEGIN ', 'PRIVATE KEY-----'), 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', 'WVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2', j('-----END ', 'PRIVATE KEY-----') + '`;', 'next();'];
    expect(redactLines(lines)).toEqual([
      'const k = `[REDACTED:private-key]',
      '[REDACTED:private-key]',
      '[REDACTED:private-key]',
      '[REDACTED:private-key]`;',
      'next();',
    ]);
  });

  it('without an END line nearby, redacts the base64 lines after a BEGIN line and stops at code', () => {
    const lines = [j('key = "-----BEGIN RSA ', 'PRIVATE KEY-----\\n" +'), '  "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY" +', '  "WVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2";', 'connect(key);'];
    expect(redactLines(lines)).toEqual(['key = "[REDACTED:private-key]', '[REDACTED:private-key]', '[REDACTED:private-key]', 'connect(key);']);
  });

  it('redacts free text line by line and leaves text without secrets unchanged', () => {
    expect(redactText(`token ${SECRETS.github}\nfine`)).toBe('token [REDACTED:github-token]\nfine');
    expect(redactText('nothing secret here\n\nat all')).toBe('nothing secret here\n\nat all');
  });
});
