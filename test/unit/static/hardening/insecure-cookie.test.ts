import { describe, expect, it } from 'vitest';
import { insecureCookie } from '../../../../src/static/rules/security/insecure-cookie.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(insecureCookie, code);

describe('insecure-cookie: set-cookie calls', () => {
  it('grades missing httpOnly/secure at medium and a missing sameSite alone at low 0.6', () => {
    const code = [
      'res.cookie("sid", id);',
      'res.cookie("auth_token", t, { httpOnly: true });',
      'res.cookie("session", s, { httpOnly: true, secure: true });',
      'res.cookie(name, refreshToken, { secure: true, sameSite: "lax" });',
      'reply.setCookie("token", t, { httpOnly: false, secure: true, sameSite: "lax" });',
      'cookies().set("session", s, { secure: true });',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'medium', 0.8],
      [2, 'medium', 0.8],
      [3, 'low', 0.6],
      [4, 'medium', 0.7],
      [5, 'medium', 0.8],
      [6, 'medium', 0.8],
    ]);
  });

  it('knows Koa cookies are HttpOnly by default and CSRF cookies must stay readable', () => {
    const code = [
      'ctx.cookies.set("koa.sess", value, { secure: true, sameSite: "lax" });',
      'ctx.cookies.set("koa.sess", value, { sameSite: "lax" });',
      'res.cookie("XSRF-TOKEN", token, { secure: true, sameSite: "strict" });',
      'res.cookie("csrf", token, { sameSite: "strict" });',
    ].join('\n');
    expect(lines(run(code))).toEqual([2, 4]);
    expect(run(code)[1]?.message).not.toContain('httpOnly');
  });

  it('stays quiet on non-auth cookies, full flags, run-time flags and options it cannot see', () => {
    const code = [
      'res.cookie("theme", "dark");',
      'res.cookie("sid", id, { httpOnly: true, secure: true, sameSite: "strict" });',
      'res.cookie("sid", id, { httpOnly: true, secure: process.env.NODE_ENV === "production", sameSite: "lax" });',
      'res.cookie("sid", id, cookieOptions);',
      'res.cookie("sid", id, { ...baseCookie, sameSite: "lax" });',
      'map.set("session", value);',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  it('offers an exact fix for SameSite=None without Secure when that is the only problem', () => {
    const code = ['res.cookie("sso", t, {', '  httpOnly: true,', "  sameSite: 'none',", '});'].join('\n');
    const [finding] = run(code);
    expect(finding).toMatchObject({ line: 1, endLine: 4, severity: 'medium' });
    expect(finding?.suggestion).toBe(['res.cookie("sso", t, {', '  httpOnly: true,', "  sameSite: 'none', secure: true,", '});'].join('\n'));
    const turned = run('res.cookie("sso", t, { httpOnly: true, sameSite: "none", secure: false });')[0];
    expect(turned?.suggestion).toBe('res.cookie("sso", t, { httpOnly: true, sameSite: "none", secure: true });');
    expect(run('res.cookie("sso", t, { sameSite: "none" });')[0]?.suggestion).toBeUndefined();
  });
});

describe('insecure-cookie: session middleware and document.cookie', () => {
  it('reports explicit secure/httpOnly false and SameSite=None without Secure (with a fix)', () => {
    const code = [
      'import session from "express-session";',
      'import cookieSession from "cookie-session";',
      'app.use(session({ secret, cookie: { secure: false } }));',
      'app.use(cookieSession({ name: "s", keys, httpOnly: false }));',
      'app.use(session({ secret, cookie: { sameSite: "none" } }));',
      'app.use(session({ secret, cookie: { secure: true, httpOnly: true, sameSite: "lax" } }));',
      'app.use(session({ secret }));',
    ].join('\n');
    const findings = run(code);
    expect(graded(findings)).toEqual([
      [3, 'medium', 0.85],
      [4, 'medium', 0.85],
      [5, 'medium', 0.85],
    ]);
    expect(findings[2]?.suggestion).toBe('app.use(session({ secret, cookie: { sameSite: "none", secure: true } }));');
  });

  it('reports session cookies written by script without Secure', () => {
    const code = [
      'document.cookie = `session=${token}; path=/`;',
      'window.document.cookie = "jwt=" + jwt;',
      'document.cookie = `session=${token}; Secure; SameSite=Lax`;',
      'document.cookie = "lang=" + lang;',
    ].join('\n');
    expect(graded(run(code))).toEqual([
      [1, 'medium', 0.75],
      [2, 'medium', 0.75],
    ]);
  });
});
