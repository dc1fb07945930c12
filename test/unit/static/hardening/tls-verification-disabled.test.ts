import { describe, expect, it } from 'vitest';
import { tlsVerificationDisabled } from '../../../../src/static/rules/security/tls-verification-disabled.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(tlsVerificationDisabled, code);

describe('tls-verification-disabled', () => {
  it('reports options and assignments that turn verification off, at high 0.9', () => {
    const code = [
      'new https.Agent({ rejectUnauthorized: false });',
      'tls.connect({ host, port, rejectUnauthorized: 0 });',
      'request.get({ url, strictSSL: false });',
      'new MongoClient(url, { tlsAllowInvalidHostnames: true });',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";',
      'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;',
      'https.globalAgent.options.rejectUnauthorized = false;',
      'spawn("node", ["job.js"], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: "0" } });',
      'tls.connect({ checkServerIdentity: () => {} });',
      'tls.connect({ checkServerIdentity: function () { return undefined; } });',
      'new pg.Pool({ ssl: { rejectUnauthorized: false } });',
    ].join('\n');
    expect(graded(run(code))).toEqual(Array.from({ length: 11 }, (_, i) => [i + 1, 'high', 0.9]));
  });

  it('stays quiet on verification left on, run-time switches, optional client certificates and real identity checks', () => {
    const code = [
      'new https.Agent({ rejectUnauthorized: true, ca });',
      'new https.Agent({ rejectUnauthorized: !allowSelfSigned });',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";',
      'tls.createServer({ requestCert: true, rejectUnauthorized: false, key, cert });',
      'tls.connect({ checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });',
      'const opts = { insecure: true };',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  it('offers no suggestion: turning verification on can break a connection until the CA is configured', () => {
    expect(run('new https.Agent({ rejectUnauthorized: false });')[0]?.suggestion).toBeUndefined();
    expect(lines(run('const a = { rejectUnauthorized: false };'))).toEqual([1]);
  });
});
