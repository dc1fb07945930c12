/*
 * `npm run bench:app`: the built App server (`probot run dist/index.js`, as `npm start` runs it) against a local
 * fake GitHub (test/helpers/fake-github-server.ts) and a fake OpenAI-compatible server, over loopback.
 * 1. Webhook acknowledgement under load: N signed `pull_request.synchronize` deliveries at concurrency C, spread over
 *    P pull requests whose reviews run in the background against a fake GitHub answering after --latency ms. The same
 *    deliveries go to a bare Probot server whose handler does nothing, in alternating rounds: the figure is the ratio.
 * 2. GitHub API calls of one full review of a 50-file pull request (LLM on), by route, and the GraphQL queries
 *    that fetched the contents.
 * Needs `npm run build` first. Prints tables; never asserts on time. docs/benchmarks-app.md holds a run's figures.
 * Flags: --deliveries=N (500), --concurrency=N (20), --prs=N (25), --latency=MS (50), --rounds=N (5).
 * BENCH_LOG=1 shows the servers' info logs on stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import examples from '@octokit/webhooks-examples';
import { sign } from '@octokit/webhooks-methods';
import { HEAP_FLAGS } from '../src/static/heap-tuning.js';
import { startFakeGitHubServer, type FakeGitHubServer, type FakeGitHubWorld } from '../test/helpers/fake-github-server.js';
import { startFakeOpenAiServer } from '../test/helpers/fake-openai-server.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
};
const DELIVERIES = flag('deliveries', 500);
const CONCURRENCY = flag('concurrency', 20);
const PRS = flag('prs', 25);
const LATENCY = flag('latency', 50);
const ROUNDS = flag('rounds', 5);

const ROOT = join(import.meta.dirname, '..');
const APP = join(ROOT, 'dist', 'index.js');
const PROBOT = join(ROOT, 'node_modules', 'probot', 'bin', 'probot.js');
const SECRET = 'bench-secret';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const scratch = mkdtempSync(join(tmpdir(), 'argus-bench-app-'));
const children: ChildProcess[] = [];

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a webhook payload, edited below
function payload(action: string): Record<string, any> {
  const found = (examples as unknown as Example[]).find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === action && e['installation'] !== undefined);
  if (!found) throw new Error(`@octokit/webhooks-examples has no pull_request.${action} example with an installation`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  return structuredClone(found) as Record<string, any>;
}

/** A module of `functions` functions; the head version adds one line to each and, in `risky` files, an eval. */
function moduleText(file: number, head: boolean, risky: boolean): string {
  const out: string[] = [];
  for (let f = 0; f < 6; f++) {
    out.push(`export function step${file}_${f}(input) {`, `  const value = input.count + ${f};`);
    if (head) out.push(risky && f === 0 ? '  const extra = eval(input.expression);' : `  const limit = Math.min(value, ${f + 10});`);
    out.push('  return value;', '}', '');
  }
  return out.join('\n');
}

/** A pull request of `files` files, each with one hunk per function; returns its world entries. */
function pullRequest(number: number, files: number, head: string, contents: Record<string, string>): FakeGitHubWorld['pulls'][number] {
  const entries: FakeGitHubWorld['pulls'][number]['files'] = [];
  for (let i = 0; i < files; i++) {
    const path = `src/pr${number}/module-${String(i).padStart(2, '0')}.js`;
    const text = moduleText(i, true, i % 10 === 0);
    contents[path] = text;
    const hunks: string[] = [];
    const lines = text.split('\n');
    // Each function is 6 head lines (5 in the base): the hunk is the whole function with its new third line.
    for (let f = 0; f < 6; f++) {
      const oldStart = f * 5 + 1;
      const newStart = f * 6 + 1;
      const fn = lines.slice(newStart - 1, newStart + 4);
      hunks.push(`@@ -${oldStart},4 +${newStart},5 @@`, ` ${fn[0]}`, ` ${fn[1]}`, `+${fn[2]}`, ` ${fn[3]}`, ` ${fn[4]}`);
    }
    entries.push({ filename: path, status: 'modified', patch: hunks.join('\n') });
  }
  return { number, head, base: BASE, title: `Change ${number}`, body: 'Bench change.', files: entries };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts `probot run <app>` like `npm start`, in an empty directory (probot would load a ./.env over this env). */
async function startServer(app: string, github: FakeGitHubServer, llmUrl: string): Promise<string> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...HEAP_FLAGS, PROBOT, 'run', app], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      OPENAI_BASE_URL: llmUrl,
      OPENAI_API_KEY: 'sk-bench',
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG ? 'info' : 'error',
      LOG_FORMAT: 'json',
      NO_SMEE_SETUP: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  if (process.env.BENCH_LOG) child.stdout!.pipe(process.stderr);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while ((await fetch(`${url}/ping`).then((r) => r.text(), () => '')) !== 'PONG') {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${app} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return url;
}

interface Delivery {
  body: string;
  signature: string;
}

/** Sends `deliveries` with `concurrency` in flight; returns each acknowledgement's milliseconds and the wall time. */
async function fire(url: string, deliveries: readonly Delivery[], concurrency: number): Promise<{ ms: number[]; wall: number }> {
  const ms: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      const t = performance.now();
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': d.signature },
        body: d.body,
      });
      await response.text();
      ms.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms, wall: performance.now() - start };
}

const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)]!;
const fmt = (n: number) => n.toFixed(1);

async function acknowledgementUnderLoad(): Promise<void> {
  const contents: Record<string, string> = {};
  const heads = Array.from({ length: PRS }, (_, i) => (i + 1).toString(16).padStart(40, 'c'));
  const pulls = heads.map((head, i) => pullRequest(i + 1, 10, head, contents));
  const github = await startFakeGitHubServer({ owner: 'Codertocat', repo: 'Hello-World', pulls, contents: Object.fromEntries(heads.map((h) => [h, contents])) });
  github.latencyMs = LATENCY;
  const llm = await startFakeOpenAiServer({ latencyMs: 200 });
  writeFileSync(join(scratch, 'noop-app.mjs'), "export default (app) => { app.on('pull_request.synchronize', async () => {}); };\n");
  const targets = [
    { name: 'bare Probot (no-op handler)', url: await startServer(join(scratch, 'noop-app.mjs'), github, llm.url), ms: [] as number[], wall: 0 },
    { name: 'Argus', url: await startServer(APP, github, llm.url), ms: [] as number[], wall: 0 },
  ];
  const deliveries: Delivery[] = [];
  for (let i = 0; i < DELIVERIES; i++) {
    const p = payload('synchronize');
    p['number'] = p['pull_request']['number'] = (i % PRS) + 1;
    p['pull_request']['head']['sha'] = heads[i % PRS];
    const body = JSON.stringify(p);
    deliveries.push({ body, signature: await sign(SECRET, body) });
  }
  // Warm-up (JIT, connections, Argus's one GET /app), not counted; then wait until reviews are past their first
  // write (Octokit spaces writes 1 s apart), so the measured deliveries meet reviews in full swing.
  for (const t of targets) await fire(t.url, deliveries.slice(0, PRS), CONCURRENCY);
  await github.waitFor((g) => g.requests.some((r) => r.route === 'POST /graphql'), 30_000);
  const before = { github: github.requests.length, llm: llm.requests.length, checks: github.checkRuns.length };
  const perRound = Math.ceil(DELIVERIES / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const batch = deliveries.slice(round * perRound, (round + 1) * perRound);
    // Alternate who goes first, so neither always runs while the other's background work is freshest.
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      const { ms, wall } = await fire(t.url, batch, CONCURRENCY);
      t.ms.push(...ms);
      t.wall += wall;
    }
  }
  const window = { github: github.requests.length - before.github, llm: llm.requests.length - before.llm, checks: github.checkRuns.length - before.checks };
  console.log(`\n## Webhook acknowledgement: ${DELIVERIES} pull_request.synchronize deliveries per server, concurrency ${CONCURRENCY}, ${PRS} pull requests, fake GitHub latency ${LATENCY} ms\n`);
  console.log('| server | p50 ms | p99 ms | max ms | deliveries/s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const t of targets) console.log(`| ${t.name} | ${fmt(quantile(t.ms, 0.5))} | ${fmt(quantile(t.ms, 0.99))} | ${fmt(Math.max(...t.ms))} | ${fmt((t.ms.length / t.wall) * 1000)} |`);
  const [bare, argus] = targets as [(typeof targets)[0], (typeof targets)[0]];
  const ratio = (q: number) => (quantile(argus.ms, q) / quantile(bare.ms, q)).toFixed(2);
  console.log(`| Argus / bare | ${ratio(0.5)} | ${ratio(0.99)} | ${(Math.max(...argus.ms) / Math.max(...bare.ms)).toFixed(2)} | ${((argus.ms.length / argus.wall) / (bare.ms.length / bare.wall)).toFixed(2)} |`);
  console.log(`\nReviews in the background while the measured deliveries ran: ${window.github} GitHub requests, ${window.llm} LLM requests, ${window.checks} check runs started.`);
  await github.close();
  await llm.close();
}

async function callsPerReview(): Promise<void> {
  const head = 'e'.repeat(40);
  const contents: Record<string, string> = {};
  const pr = pullRequest(50, 50, head, contents);
  const github = await startFakeGitHubServer({ owner: 'Codertocat', repo: 'Hello-World', pulls: [pr], contents: { [head]: contents } });
  const llm = await startFakeOpenAiServer({ latencyMs: 100 });
  const url = await startServer(APP, github, llm.url);
  const p = payload('opened');
  p['number'] = p['pull_request']['number'] = 50;
  p['pull_request']['head']['sha'] = head;
  const body = JSON.stringify(p);
  const start = performance.now();
  await fire(url, [{ body, signature: await sign(SECRET, body) }], 1);
  await github.waitFor((g) => g.checkRuns.some((r) => r.status === 'completed'), 120_000);
  const wall = performance.now() - start;
  const byRoute = new Map<string, number>();
  for (const r of github.requests) byRoute.set(r.route, (byRoute.get(r.route) ?? 0) + 1);
  const graphql = github.requests.filter((r) => r.route === 'POST /graphql');
  const filesPerQuery = graphql.map((r) => Object.keys((r.body as { variables: Record<string, string> }).variables).filter((k) => /^e\d+$/.test(k)).length);
  const review = github.reviews[0];
  console.log(`\n## GitHub API calls of one full review: ${pr.files.length}-file pull request, LLM on (fake)\n`);
  console.log('| route | calls |');
  console.log('|---|---:|');
  for (const [route, n] of [...byRoute].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`| ${route} | ${n} |`);
  console.log(`| **total** | **${github.requests.length}** (${github.requests.filter((r) => r.auth === 'installation').length} with the installation token) |`);
  console.log(`\nContents: ${pr.files.length} files in ${graphql.length} GraphQL ${graphql.length === 1 ? 'query' : 'queries'} (${filesPerQuery.join(', ')} files each).`);
  console.log(`LLM requests: ${llm.requests.length}. Review: ${review?.comments.length ?? 0} line comments in ${github.reviews.length} review. Wall time to the completed check: ${fmt(wall / 1000)} s (Octokit's throttling spaces writes >= 1 s apart).`);
  await github.close();
  await llm.close();
}

if (!existsSync(APP)) {
  console.error(`${APP} is missing: run npm run build first`);
  process.exit(1);
}
try {
  await acknowledgementUnderLoad();
  await callsPerReview();
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}
