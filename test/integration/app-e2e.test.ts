import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import examples from '@octokit/webhooks-examples';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHubServer, type FakeGitHubServer } from '../helpers/fake-github-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const APP = join(ROOT, 'dist', 'index.js');
const PROBOT = join(ROOT, 'node_modules', 'probot', 'bin', 'probot.js');
const SECRET = 'e2e-webhook-secret';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const FILE = [
  "const express = require('express');",
  'const app = express();',
  '',
  "app.get('/run', (req, res) => {",
  '  const result = eval(req.query.code);',
  '  res.json({ result });',
  '});',
  '',
].join('\n');
const PATCH = '@@ -0,0 +1,7 @@\n' + FILE.split('\n').slice(0, 7).map((l) => `+${l}`).join('\n');
const LLM_TITLE = 'Unauthenticated code runner';
const LLM_FINDING = {
  path: 'src/run.js',
  line: 4,
  endLine: null,
  quote: "app.get('/run', (req, res) => {",
  severity: 'high',
  category: 'security',
  title: LLM_TITLE,
  body: 'Anyone who can reach the server can call /run; put it behind authentication.',
  suggestion: null,
  confidence: 0.9,
};

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };

/** The real `pull_request.opened` payload of @octokit/webhooks-examples (Codertocat/Hello-World#2, installation 1). */
function openedPayload(): string {
  const group = (examples as unknown as Example[]).find((e) => e.name === 'pull_request');
  const found = group?.examples.find((e) => e.action === 'opened' && e['installation'] !== undefined);
  if (!found) throw new Error('@octokit/webhooks-examples has no pull_request.opened example with an installation');
  return JSON.stringify(found);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let github: FakeGitHubServer;
let llm: FakeOpenAiServer;
let child: ChildProcess;
let appUrl = '';
let output = '';
let cwd = '';
let releaseLlm: () => void = () => {};
const llmHeld = new Promise<void>((resolve) => (releaseLlm = resolve));

async function deliver(body: string, signature: string): Promise<Response> {
  return fetch(`${appUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
    body,
  });
}

beforeAll(async () => {
  if (!existsSync(APP)) throw new Error(`${APP} is missing: build the app first (npm run build; npm test runs it as pretest)`);
  github = await startFakeGitHubServer({
    owner: 'Codertocat',
    repo: 'Hello-World',
    pulls: [{ number: 2, head: HEAD, base: BASE, title: 'Add a run endpoint', body: 'Runs snippets.', files: [{ filename: 'src/run.js', status: 'added', patch: PATCH }] }],
    contents: { [HEAD]: { 'src/run.js': FILE } },
  });
  // Held until the test has seen the webhook's answer: the review cannot finish before it.
  llm = await startFakeOpenAiServer({ respond: async () => (await llmHeld, { content: JSON.stringify({ findings: [LLM_FINDING] }) }) });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  // An empty working directory: probot loads ./.env from it over the environment, and a developer's .env must not
  // send this test to the real GitHub.
  cwd = mkdtempSync(join(tmpdir(), 'argus-e2e-'));
  child = spawn(process.execPath, [PROBOT, 'run', APP], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      OPENAI_BASE_URL: llm.url,
      OPENAI_API_KEY: 'sk-e2e-not-a-real-key',
      ARGUS_LLM_MAX_RETRIES: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      NO_SMEE_SETUP: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before answering /ping:\n${output}`);
    const pong = await fetch(`${appUrl}/ping`).then((r) => r.text(), () => '');
    if (pong === 'PONG') break;
    if (Date.now() > deadline) throw new Error(`the app did not answer GET /ping within 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 20_000);

afterAll(async () => {
  releaseLlm();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await github?.close();
  await llm?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('the built App server (probot run dist/index.js) against a fake GitHub and a fake LLM', () => {
  it('rejects a webhook with a bad signature, and calls neither GitHub nor the model', async () => {
    const body = openedPayload();
    const response = await deliver(body, await sign('not-the-secret', body));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Error: [@octokit/webhooks] signature does not match event payload and secret' });
    expect(github.requests).toEqual([]);
    expect(llm.requests).toEqual([]);
  });

  it('answers pull_request.opened with 200 before reviewing, then posts one review, the summary and the check run', async () => {
    const body = openedPayload();
    const response = await deliver(body, await sign(SECRET, body));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
    // The model has not answered yet, so nothing can have been published.
    expect(github.reviews).toEqual([]);
    expect(github.issueComments).toEqual([]);
    releaseLlm();
    await github.waitFor((g) => g.checkRuns.some((run) => run.status === 'completed'), 12_000);

    const repo = '/repos/{owner}/{repo}';
    expect(github.requests.filter((r) => r.auth === 'installation').map((r) => `${r.route} ${r.status}`)).toEqual([
      `GET ${repo}/pulls/{pull_number} 200`,
      `GET ${repo}/contents/{path} 404`,
      `GET ${repo}/issues/{issue_number}/comments 200`,
      `POST ${repo}/check-runs 201`,
      `GET ${repo}/pulls/{pull_number}/files 200`,
      'POST /graphql 200',
      `GET ${repo}/pulls/{pull_number}/comments 200`,
      `GET ${repo}/pulls/{pull_number} 200`,
      `GET ${repo}/issues/{issue_number}/comments 200`,
      `POST ${repo}/pulls/{pull_number}/reviews 200`,
      `POST ${repo}/issues/{issue_number}/comments 201`,
      `PATCH ${repo}/check-runs/{check_run_id} 200`,
    ]);
    // Octokit reached the fake through Probot's GitHub Enterprise URLs.
    expect(github.requests.every((r) => r.path.startsWith('/api/v3/') || r.path === '/api/graphql')).toBe(true);
    expect(github.requests.filter((r) => r.auth === 'app').map((r) => r.route).sort()).toEqual(['GET /app', 'POST /app/installations/{installation_id}/access_tokens']);
    expect(llm.requests).toHaveLength(1);

    expect(github.reviews).toHaveLength(1);
    const [review] = github.reviews;
    expect(review).toMatchObject({ pull_number: 2, commit_id: HEAD, event: 'COMMENT', state: 'COMMENTED' });
    const comments = [...review!.comments].sort((a, b) => a.line - b.line);
    expect(comments.map((c) => [c.path, c.line, c.side, c.start_line])).toEqual([
      ['src/run.js', 4, 'RIGHT', undefined],
      ['src/run.js', 5, 'RIGHT', undefined],
    ]);
    expect(comments[0]!.body).toContain(LLM_TITLE);
    expect(comments[1]!.body).toMatch(/code-injection/);
    for (const c of comments) expect(c.body).toMatch(/<!-- argus:fp=[^ ]+ -->$/);

    expect(github.issueComments).toHaveLength(1);
    expect(github.issueComments[0]!.body.startsWith('<!-- argus:summary -->')).toBe(true);
    expect(github.issueComments[0]!.body).toContain(`<!-- argus:reviewed=${HEAD} -->`);

    expect(github.checkRuns).toHaveLength(1);
    const [run] = github.checkRuns;
    expect(github.requests.find((r) => r.route === `POST ${repo}/check-runs`)!.body).toEqual({ name: 'Argus', head_sha: HEAD, status: 'in_progress' });
    expect(run).toMatchObject({ name: 'Argus', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(run!.output.annotations.map((a) => [a['path'], a['start_line'], a['annotation_level']]).sort()).toEqual([
      ['src/run.js', 4, 'failure'],
      ['src/run.js', 5, 'failure'],
    ]);
  }, 15_000);
});
