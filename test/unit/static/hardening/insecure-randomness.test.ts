import { describe, expect, it } from 'vitest';
import { insecureRandomness } from '../../../../src/static/rules/security/insecure-randomness.js';
import { isSecretName } from '../../../../src/static/rules/security/hardening/is-secret-name.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(insecureRandomness, code, { path: 'src/file.js' });

describe('isSecretName', () => {
  it.each(['resetToken', 'sessionId', 'SESSION_ID', 'tempPassword', 'nonce', 'otpCode', 'apiKey', 'csrfTokenHex', 'salt', 'sid', 'refreshTokens', 'oauthState', 'verificationCode', 'pin'])(
    'treats %s as a secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['tokenLength', 'sessionTimeout', 'userId', 'key', 'requestId', 'saltRounds', 'passwordMinLength', 'statusCode', 'cacheKey', 'jitter', 'bypass', 'passport'])(
    'does not treat %s as a secret',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('insecure-randomness', () => {
  it('reports Math.random() reaching a secret name in the same statement at high, 0.9', () => {
    const code = [
      'const resetToken = Math.random().toString(36).slice(2);',
      'user.sessionId = Math.floor(Math.random() * 1e9);',
      'const record = { nonce: `${Math.random()}` };',
      'res.cookie("sid", Math.random().toString(16), { httpOnly: true });',
      'if (submitted === Math.random().toString(36)) {}',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'high', 0.9],
      [2, 'high', 0.9],
      [3, 'high', 0.9],
      [4, 'high', 0.9],
    ]);
  });

  it('follows local variables, function returns and callbacks (confidence 0.85)', () => {
    const code = [
      'function makeSecret() {',
      '  let out = "";',
      '  for (let i = 0; i < 20; i++) out += chars[Math.floor(Math.random() * chars.length)];',
      '  return out;',
      '}',
      'const gen = () => Array.from({ length: 8 }, () => Math.random().toString(36)[2]).join("");',
      'const apiKey = gen();',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [3, 'high', 0.85],
      [6, 'high', 0.85],
    ]);
  });

  it('compares by equality with a secret name', () => {
    expect(lines(run('const ok = Math.random().toString(36) === session.token;'))).toEqual([1]);
  });

  it('stays quiet on jitter, sampling, animation, ids and crypto-backed values', () => {
    const code = [
      'const delay = base + Math.random() * 100;',
      'if (Math.random() < 0.1) log(event);',
      'el.style.opacity = Math.random();',
      'const id = Math.random().toString(36).slice(2);',
      'const items = list.map((x) => ({ key: Math.random(), x }));',
      'const token = crypto.randomUUID();',
      'function shuffle(a) { return a.sort(() => Math.random() - 0.5); }',
      'setTimeout(retry, Math.random() * 1000);',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  it('uses the severity in force', () => {
    expect(runRule(insecureRandomness, 'const otp = Math.random();', { severity: 'medium' })[0]?.severity).toBe('medium');
  });
});
