import { describe, expect, it } from 'vitest';
import { jwtMisuse } from '../../../../src/static/rules/security/jwt-misuse.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string, severity?: 'high' | 'medium') => runRule(jwtMisuse, code, severity ? { severity } : {});
const JWT = 'import jwt from "jsonwebtoken";\n';

describe('jwt-misuse: sign and verify', () => {
  it('grades each issue: none critical 0.95, literal secret high 0.9, fallback medium 0.55, no algorithms medium 0.7', () => {
    const code =
      JWT +
      [
        'jwt.verify(t, key, { algorithms: ["none"] });',
        'jwt.sign(p, null, { algorithm: "none" });',
        'jwt.sign(p, "s3cret");',
        'jwt.sign(p, process.env.JWT_SECRET || "dev");',
        'jwt.verify(t, key);',
        'jwt.verify(t, key, (err, claims) => done(err, claims));',
        'jwt.verify(t, key, { audience: "api" });',
      ].join('\n');
    expect(graded(run(code))).toEqual([
      [2, 'critical', 0.95],
      [3, 'critical', 0.95],
      [4, 'high', 0.9],
      [5, 'medium', 0.55],
      [6, 'medium', 0.7],
      [7, 'medium', 0.7],
      [8, 'medium', 0.7],
    ]);
  });

  it('grades relative to the severity in force', () => {
    expect(graded(run(JWT + 'jwt.verify(t, key, { algorithms: ["none"] });\njwt.verify(t, key);', 'medium'))).toEqual([
      [2, 'high', 0.95],
      [3, 'low', 0.7],
    ]);
  });

  it('reports one finding per call, at the gravest issue, naming every issue', () => {
    const [finding, ...rest] = run(JWT + 'jwt.verify(token, "hunter2");');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'high', confidence: 0.9 });
    expect(finding?.message).toContain('secret written in the code');
    expect(finding?.message).toContain('`algorithms`');
  });

  it('sees secrets through constants, named imports, requires and jose', () => {
    const code = [
      'const { sign, verify } = require("jsonwebtoken");',
      'import { jwtVerify, SignJWT } from "jose";',
      'const SECRET = "not-so-secret";',
      'sign(payload, SECRET);',
      'verify(token, SECRET, { algorithms: ["HS256"] });',
      'await jwtVerify(token, new TextEncoder().encode("edge"));',
      'await new SignJWT({ sub }).setProtectedHeader({ alg: "HS256" }).sign(Buffer.from("k3y"));',
    ].join('\n');
    expect(lines(run(code))).toEqual([4, 5, 6, 7]);
    expect(run(code)[0]?.message).toContain('`SECRET`');
  });

  it('checks express-jwt and passport-jwt options', () => {
    const code = [
      'import { expressjwt } from "express-jwt";',
      'import { Strategy as JwtStrategy } from "passport-jwt";',
      'app.use(expressjwt({ secret: "shared", algorithms: ["HS256"] }));',
      'passport.use(new JwtStrategy({ secretOrKey: process.env.KEY, algorithms: ["RS256", "none"] }, verifyUser));',
      'app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ["HS256"] }));',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [3, 'high', 0.9],
      [4, 'critical', 0.95],
    ]);
  });

  it('stays quiet on pinned verification, environment keys, public keys and other jwt packages', () => {
    const code = [
      'import jwt from "jsonwebtoken";',
      'import jwtSimple from "jwt-simple";',
      'jwt.verify(t, process.env.KEY, { algorithms: ["RS256"] });',
      'jwt.sign(p, process.env.KEY, { algorithm: "RS256", expiresIn: "1h" });',
      'jwt.verify(t, "-----BEGIN PUBLIC KEY-----\\nMIIB...", { algorithms: ["RS256"] });',
      'jwt.verify(t, getKey, { ...defaults });',
      'jwtSimple.decode(token, secret);',
      'jwt.sign(p, key, options);',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });
});

describe('jwt-misuse: decode used as verify', () => {
  it('reports decode whose claims decide access when the file never verifies (high, 0.8)', () => {
    const code = [
      'const jwt = require("jsonwebtoken");',
      'function guard(req, res, next) {',
      '  const claims = jwt.decode(req.headers.authorization);',
      '  if (claims.role !== "admin") return res.sendStatus(403);',
      '  next();',
      '}',
      'function attach(req) { req.user = jwt.decode(req.cookies.token); }',
      'function getCurrentUser(token) { return jwt.decode(token); }',
      'function scopes(token) { const { scope } = jwt.decode(token); return scope; }',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [3, 'high', 0.8],
      [7, 'high', 0.8],
      [8, 'high', 0.8],
      [9, 'high', 0.8],
    ]);
  });

  it('does not report decode when the file verifies, or when only timing claims are read', () => {
    const verified = [
      'import jwt from "jsonwebtoken";',
      'const header = jwt.decode(token, { complete: true }).header;',
      'const claims = jwt.decode(token); if (claims.role === "admin") grant();',
      'jwt.verify(token, keys[header.kid], { algorithms: ["RS256"] });',
    ].join('\n');
    expect(run(verified)).toEqual([]);
    const timing = ['import { decodeJwt } from "jose";', 'const { exp } = decodeJwt(token);', 'if (exp * 1000 < Date.now()) refresh();', 'log(decodeJwt(token).iss);'].join('\n');
    expect(run(timing)).toEqual([]);
  });
});
