import { describe, expect, it } from 'vitest';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { hardcodedCredentials } from '../../../../src/static/rules/security/hardcoded-credentials.js';
import { graded, lines, runRule } from './run-rule.js';

const run = (code: string) => runRule(hardcodedCredentials, code, { path: 'src/db.js' });

describe('hardcoded-credentials', () => {
  it('reports literal passwords in client options (high 0.85), nested ones and positional Sequelize', () => {
    const code = [
      'mysql.createConnection({ host: "db", user: "root", password: "root" });',
      'new Pool({ user: "app", password: "pa55" });',
      'knex({ client: "pg", connection: { host: "db", user: "app", password: "app" } });',
      'new Sequelize("shop", "root", "toor");',
      'redis.createClient({ socket: { host: "cache" }, password: "redis1" });',
      'sql.connect({ server: "mssql", user: "sa", password: "Passw0rd" });',
      'new Connection({ authentication: { options: { userName: "sa", password: "sa" } } });',
    ].join('\n');
    expect(graded(run(code))).toEqual(Array.from({ length: 7 }, (_, i) => [i + 1, 'high', 0.85]));
  });

  it('reports auth objects, session secrets, Koa keys and Basic headers built from literals', () => {
    const code = [
      'import session from "express-session";',
      'import cookieParser from "cookie-parser";',
      'axios.post(url, body, { auth: { username: "ci", password: "ci-pass" } });',
      'app.use(session({ secret: "keyboard cat" }));',
      'app.use(session({ secret: ["rotated-1", "rotated-2"] }));',
      'app.use(cookieParser("cookie secret"));',
      'app.keys = ["im a newer secret"];',
      'const h = { Authorization: "Basic " + btoa("admin:admin") };',
      'const k = { Authorization: "Basic YWRtaW46c2VjcmV0" };',
    ].join('\n');
    expect(lines(run(code))).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('reports an env lookup with a literal default one grade lower (0.55)', () => {
    expect(graded(run('new Pool({ host: "db", password: process.env.PGPASSWORD || "postgres" });'))).toEqual([[1, 'medium', 0.55]]);
    expect(graded(run('const PW = process.env.DB_PW ?? "devpw";\nnew Pool({ host: "db", password: PW });'))).toEqual([[2, 'medium', 0.55]]);
  });

  it('leaves literals the secrets scanner reports on the same line to it', () => {
    expect(run('mysql.createConnection({ host: "db", user: "etl", password: "Xk9#qL2$vR7!mZ4p" });')).toEqual([]);
  });

  it('is not run on a file without its words, and each kind of finding needs only one of them (prefilter on)', () => {
    const runs = createRuleFilter([hardcodedCredentials]);
    expect(runs('const total = items.reduce((sum, item) => sum + item.price, 0);')).toEqual([false]);
    const findings = (code: string) => {
      expect(runs(code)).toEqual([true]);
      return lines(run(code));
    };
    expect(findings('new Pool({ host: "db", PASSWORD: "s3cret-pw" });')).toEqual([1]);
    expect(findings('new Pool({ host: "db", Pwd: "s3cret-pw" });')).toEqual([1]);
    expect(findings('new Sequelize("shop", "root", "toor");')).toEqual([1]);
    expect(findings('app.keys = ["im a newer secret"];')).toEqual([1]);
    expect(findings('import s from "express-session";\napp.use(s({ secret: "keyboard cat" }));')).toEqual([2]);
    expect(findings('const h = btoa("admin:admin");')).toEqual([1]);
    expect(findings('const h = Buffer.from("admin:admin").toString("base64");')).toEqual([1]);
    expect(findings('const h = { Authorization: "bAsIc YWRtaW46c2VjcmV0" };')).toEqual([1]);
  });

  it('stays quiet on environment values, empty strings, placeholders and unrelated calls', () => {
    const code = [
      'new Pool({ host: "db", password: process.env.PGPASSWORD });',
      'mysql.createConnection({ host: "db", user: "root", password: "" });',
      'new Pool({ host: "db", password: "<password>" });',
      'new Pool({ host: "db", password: "${DB_PASSWORD}" });',
      'socket.connect({ password: "x-not-a-db" });',
      'request(app).post("/login").send({ email: "a@b.c", password: "hunter2" });',
      'User.create({ email, password: "temporary" });',
      'app.use(session({ secret: config.sessionSecret }));',
      'const auth = "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });
});
