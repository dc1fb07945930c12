import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { run, type Server } from 'probot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = parse(readFileSync(join(ROOT, 'app.yml'), 'utf8')) as Record<string, unknown>;

// Least privilege is a security property: widening any of these must be a reviewed change to this test.
describe('app.yml (the GitHub App manifest)', () => {
  it('asks for exactly these permissions', () => {
    expect(manifest.default_permissions).toEqual({
      pull_requests: 'write',
      contents: 'read',
      checks: 'write',
      issues: 'write',
      metadata: 'read',
    });
  });

  it('subscribes to exactly these events', () => {
    expect(manifest.default_events).toEqual(['pull_request', 'issue_comment', 'pull_request_review_comment', 'check_run']);
  });

  it('registers a private App and sets nothing else', () => {
    expect(manifest.public).toBe(false);
    // No hook_attributes: Probot fills the webhook URL, and a block here would replace it (see app.yml).
    expect(Object.keys(manifest).sort()).toEqual(['default_events', 'default_permissions', 'description', 'name', 'public', 'url']);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `npm start` (`probot run ./dist/index.js`) with no credentials: Probot's setup mode, on loopback only. It runs
 * in an empty folder holding copies of app.yml and package.json, so a developer's .env or *.pem is not loaded.
 */
describe('npm start without credentials (Probot setup mode)', () => {
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'argus-setup-'));
  const updateEnv = vi.fn((env: NodeJS.ProcessEnv) => env);
  const createChannel = vi.fn(async () => 'https://smee.io/never');
  let server: Server;
  let base: string;

  beforeAll(async () => {
    copyFileSync(join(ROOT, 'app.yml'), join(dir, 'app.yml'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    process.chdir(dir);
    const port = await freePort();
    for (const name of ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_PROXY_URL', 'GHE_HOST', 'GH_ORG', 'PROJECT_DOMAIN']) vi.stubEnv(name, '');
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('NO_SMEE_SETUP', 'true');
    vi.stubEnv('HOST', '127.0.0.1');
    vi.stubEnv('PORT', String(port));
    server = await run(['./dist/index.js'], { log: pino({ level: 'silent' }), updateEnv, SmeeClient: { createChannel } });
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server?.stop();
    process.chdir(cwd);
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setupPage(): Promise<{ action: string; manifest: Record<string, unknown> }> {
    const res = await fetch(`${base}/probot`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // Probot puts the manifest JSON in a single-quoted attribute, unescaped (lib/views/setup.js).
    const value = /name="manifest" id="manifest" value='([^']*)'/.exec(html)?.[1];
    const action = /<form action="([^"]*)"/.exec(html)?.[1];
    if (value === undefined || action === undefined) throw new Error(`no manifest form on the setup page:\n${html}`);
    return { action, manifest: JSON.parse(value) as Record<string, unknown> };
  }

  it("answers GET /ping, and the Dockerfile's HEALTHCHECK command passes against it (and fails with no server)", async () => {
    const res = await fetch(`${base}/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('PONG');

    const healthcheck = /^HEALTHCHECK [^\n]*\\\n\s+CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    const [command, ...args] = JSON.parse(healthcheck ?? 'null') as string[];
    expect(command).toBe('node');
    // Asynchronous: the server under test runs in this process and must keep answering while the probe runs.
    const probe = (port: string) =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', PORT: port }, stdio: 'ignore' }).on('exit', resolve);
      });
    expect(await probe(new URL(base).port)).toBe(0);
    expect(await probe(String(await freePort()))).toBe(1);
  });

  it('serves the setup page, whose button posts app.yml as the manifest to GitHub', async () => {
    const home = await fetch(`${base}/`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/probot');

    const page = await setupPage();
    expect(page.action).toBe('https://github.com/settings/apps/new');
    expect(page.manifest).toEqual({
      ...manifest,
      // Probot's own fields: where GitHub returns after creating the App, and the webhook URL it fills in.
      hook_attributes: { url: `${base}/` },
      redirect_url: `${base}/probot/setup`,
      version: 'v1',
    });
    expect(updateEnv).not.toHaveBeenCalled();
    expect(createChannel).not.toHaveBeenCalled();
  });

  it('points the webhook at WEBHOOK_PROXY_URL, and registers under GH_ORG or on GHE_HOST', async () => {
    vi.stubEnv('WEBHOOK_PROXY_URL', 'https://smee.io/argus-dev');
    vi.stubEnv('GH_ORG', 'acme');
    let page = await setupPage();
    expect(page.manifest.hook_attributes).toEqual({ url: 'https://smee.io/argus-dev' });
    expect(page.manifest.public).toBe(false);
    expect(page.action).toBe('https://github.com/organizations/acme/settings/apps/new');

    vi.stubEnv('GH_ORG', '');
    vi.stubEnv('GHE_HOST', 'github.example.com');
    page = await setupPage();
    expect(page.action).toBe('https://github.example.com/settings/apps/new');
  });
});
