import { describe, expect, it } from 'vitest';
import { weakCrypto } from '../../../../src/static/rules/security/weak-crypto.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(weakCrypto, code);

describe('weak-crypto: hashes', () => {
  it('reports md5/sha1 of password data at high, 0.9', () => {
    const code = [
      'crypto.createHash("md5").update(req.body.password).digest("hex");',
      'createHash("SHA1").update(pwd + salt).digest("hex");',
      'const h = crypto.createHash("sha1"); h.update(user.passphrase);',
      'md5(password);',
      'CryptoJS.SHA1(secret).toString();',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'high', 0.9],
      [2, 'high', 0.9],
      [3, 'high', 0.9],
      [4, 'high', 0.9],
      [5, 'high', 0.9],
    ]);
  });

  it('reports at 0.75 when only the destination or the function names a password', () => {
    const code = [
      'function hashPassword(input) { return createHash("md5").update(input).digest("hex"); }',
      'const passwordHash = createHash("sha1").update(value).digest("hex");',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'high', 0.75],
      [2, 'high', 0.75],
    ]);
  });

  it('suggests a KDF for passwords and SHA-256/HMAC for tokens', () => {
    const [pw, token] = run('createHash("md5").update(password);\ncreateHash("md5").update(resetToken);');
    expect(pw?.message).toContain('bcrypt');
    expect(token?.message).toContain('createHmac');
  });

  it('stays quiet on checksums, ETags, cache keys and strong hashes', () => {
    const code = [
      'const etag = createHash("md5").update(body).digest("hex");',
      'const checksum = crypto.createHash("sha1").update(fileBuffer).digest("hex");',
      'const cacheKey = createHash("md5").update(JSON.stringify(query)).digest("base64url");',
      'createHash("sha256").update(password);',
      'const algorithm = "sha512"; createHash(algorithm).update(password);',
      'md5.update(password);',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  it('resolves the algorithm through a constant', () => {
    expect(lines(run('const ALG = "md5";\nexport const f = (password) => createHash(ALG).update(password).digest("hex");'))).toEqual([2]);
  });
});

describe('weak-crypto: ciphers', () => {
  it('reports createCipher, ECB, DES/3DES/RC4/Blowfish and crypto-js equivalents', () => {
    const code = [
      'crypto.createCipher("aes192", password);',
      'createDecipher("aes-256-cbc", pass);',
      'createCipheriv("aes-128-ecb", key, null);',
      'createCipheriv("des-ede3", key, null);',
      'createCipheriv("des-cbc", key, iv);',
      'createCipheriv("rc4", key, null);',
      'createCipheriv("bf-cbc", key, iv);',
      'CryptoJS.TripleDES.encrypt(text, key);',
      'CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.ECB });',
    ].join('\n');
    expect(lines(run(code))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(run('createCipheriv("aes-128-ecb", key, null);')[0]?.message).toContain('ECB');
  });

  it('reports IVs fixed in code, once per call', () => {
    const code = [
      'createCipheriv("aes-256-cbc", key, "0123456789abcdef");',
      'createCipheriv("aes-256-cbc", key, Buffer.alloc(16));',
      'createCipheriv("aes-256-gcm", key, Buffer.from("000000000000", "hex"));',
      'createDecipheriv("aes-128-cbc", key, new Uint8Array(16));',
      'createCipheriv("aes-128-cbc", key, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]));',
      'const IV = Buffer.alloc(16, 0); createCipheriv("aes-256-cbc", key, IV);',
    ].join('\n');
    expect(lines(run(code))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('accepts random and run-time IVs, and scopes constants properly', () => {
    const code = [
      'createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));',
      'createCipheriv("aes-256-cbc", key, Buffer.from(process.env.IV, "hex"));',
      'function a(key) { const iv = randomBytes(16); return createCipheriv("aes-256-cbc", key, iv); }',
      'function b(key) { const iv = Buffer.alloc(16); return createCipheriv("aes-256-cbc", key, iv); }',
      'function c(key, iv) { return createCipheriv("aes-256-cbc", key, iv); }',
    ].join('\n');
    expect(lines(run(code))).toEqual([4]);
  });
});
