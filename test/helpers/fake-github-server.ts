import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file of a pull request, as `GET /pulls/{n}/files` lists it. */
export interface FakePullRequestFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** Hunks only (`@@ ... @@` onwards), as GitHub sends them; absent for binary files. */
  patch?: string;
  previous_filename?: string;
}

/** A pull request of the fake world. */
export interface FakePullRequest {
  number: number;
  head: string;
  base: string;
  files: FakePullRequestFile[];
  title?: string;
  body?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
  user?: { login: string; type: 'User' | 'Bot' };
  labels?: string[];
}

/** The one repository the fake serves, and the App installed on it. */
export interface FakeGitHubWorld {
  owner: string;
  repo: string;
  pulls: FakePullRequest[];
  /** File text by commit sha, then by path (what the contents API, GraphQL and the blob API read). */
  contents: Record<string, Record<string, string>>;
  /** The compare API's answers by `base...head`; a missing key answers 404 (as for an unknown commit). */
  compare?: Record<string, { status: 'ahead' | 'behind' | 'diverged' | 'identical'; files: FakePullRequestFile[] }>;
  installationId?: number;
  appSlug?: string;
}

/** One request as received, in arrival order; `route` is the GitHub route template it matched. */
export interface FakeGitHubRequest {
  method: string;
  /** The path as sent, query excluded (with the GitHub Enterprise prefix `/api/v3` or `/api`). */
  path: string;
  /** `POST /repos/{owner}/{repo}/check-runs`, `POST /graphql`, ... or `unknown` (answered 404). */
  route: string;
  query: Record<string, string>;
  body: unknown;
  /** `app` (a JWT), `installation` (a minted token), or `none`. */
  auth: 'app' | 'installation' | 'none';
  /** The status answered; 0 until the answer is sent. */
  status: number;
}

/** A check run as the fake holds it; `updates` keeps every PATCH body. */
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; annotations: Array<Record<string, unknown>> };
  updates: unknown[];
}

/** A review as posted: `state` is PENDING without an event. */
export interface FakeReview {
  id: number;
  pull_number: number;
  commit_id: string;
  event: string | null;
  state: string;
  body: string;
  comments: Array<{ path: string; line: number; side?: string; start_line?: number; start_side?: string; body: string }>;
}

/** The running fake. Mutating `world` between requests changes what later requests see. */
export interface FakeGitHubServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, for `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  host: string;
  world: FakeGitHubWorld;
  requests: FakeGitHubRequest[];
  issueComments: Array<{ id: number; issue_number: number; body: string; user: { login: string; type: string } }>;
  reviewComments: Array<{ id: number; pull_request_review_id: number; path: string; line: number; body: string; user: { login: string; type: string } }>;
  reviews: FakeReview[];
  checkRuns: FakeCheckRun[];
  /** Delay before every answer (ms); may be changed while running. */
  latencyMs: number;
  /** Resolves once `predicate` holds (checked after every answer); rejects after `timeoutMs` listing the routes seen. */
  waitFor(predicate: (server: FakeGitHubServer) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (p: Record<string, string>, q: Record<string, string>, body: unknown, req: IncomingMessage) => Reply;

const NOT_FOUND = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
const BAD_CREDENTIALS = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
const TOKEN_PREFIX = 'ghs_fake';

/** Git's blob id of `text` (what GitHub reports as a blob's `oid` / `sha`). */
export function gitBlobOid(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Starts a local GitHub API (node:http, 127.0.0.1, port 0) for one repository: the REST routes and the GraphQL
 * blob query Argus uses, under both GitHub Enterprise prefixes (`/api/v3` REST, `/api/graphql`; Probot builds
 * `<GHE_PROTOCOL>://<GHE_HOST>/api/v3` and @octokit/graphql swaps `/api/v3` for `/api/graphql`) and bare paths.
 * App routes want a JWT, repository routes a token it minted, as GitHub does. Review comments must sit on a line
 * of a hunk (else 422, like GitHub), lists are paginated with `Link` headers.
 */
export async function startFakeGitHubServer(world: FakeGitHubWorld): Promise<FakeGitHubServer> {
  const ids = { next: 1000 };
  const waiters = new Set<() => void>();
  const pending = new Set<() => void>();
  let minted = 0;
  const fake: FakeGitHubServer = {
    url: '',
    host: '',
    world,
    requests: [],
    issueComments: [],
    reviewComments: [],
    reviews: [],
    checkRuns: [],
    latencyMs: 0,
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (predicate(fake)) return resolve();
        const check = () => {
          if (!predicate(fake)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake GitHub: condition not met after ${timeoutMs} ms; requests: ${fake.requests.map((r) => `${r.route} ${r.status}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        pending.forEach((cancel) => cancel());
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  const pull = (n: string) => world.pulls.find((p) => p.number === Number(n));
  const repoOk = (p: Record<string, string>) => p['owner'] === world.owner && p['repo'] === world.repo;
  const bot = () => ({ login: `${world.appSlug ?? 'argus-review'}[bot]`, type: 'Bot' });
  const installation = String(world.installationId ?? 1);

  const routes: Array<[string, string, Handler]> = [
    ['GET', '/app', () => ({ status: 200, body: { id: 1, slug: world.appSlug ?? 'argus-review', name: 'Argus' } })],
    [
      'POST',
      '/app/installations/{installation_id}/access_tokens',
      (p) =>
        p['installation_id'] === installation
          ? { status: 201, body: { token: `${TOKEN_PREFIX}_${++minted}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' } }
          : NOT_FOUND,
    ],
    ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (p) => withPull(p, (pr) => ({ status: 200, body: pullBody(pr) }))],
    ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (p, q, _b, req) => withPull(p, (pr) => page(pr.files.map(fileEntry), q, req))],
    ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (p, q, _b, req) => page(fake.issueComments.filter((c) => c.issue_number === Number(p['issue_number'])), q, req)],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      (p, _q, body) => {
        const comment = { id: ++ids.next, issue_number: Number(p['issue_number']), body: String((body as { body?: unknown }).body ?? ''), user: bot() };
        fake.issueComments.push(comment);
        return { status: 201, body: comment };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      (p, _q, body) => {
        const comment = fake.issueComments.find((c) => c.id === Number(p['comment_id']));
        if (!comment) return NOT_FOUND;
        comment.body = String((body as { body?: unknown }).body ?? '');
        return { status: 200, body: comment };
      },
    ],
    ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', (p, q, _b, req) => withPull(p, () => page(fake.reviewComments, q, req))],
    ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (p, _q, body) => withPull(p, (pr) => createReview(pr, body as Partial<FakeReview>))],
    [
      'DELETE',
      '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
      (p) => {
        const at = fake.reviews.findIndex((r) => r.id === Number(p['review_id']) && r.state === 'PENDING');
        if (at < 0) return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Can not delete a non-pending pull request review'] } };
        return { status: 200, body: fake.reviews.splice(at, 1)[0] };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/compare/{basehead}',
      (p) => {
        const found = world.compare?.[p['basehead']!];
        return found ? { status: 200, body: { status: found.status, files: found.files.map(fileEntry), commits: [] } } : NOT_FOUND;
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/contents/{path}',
      (p, q) => {
        const text = world.contents[q['ref'] ?? '']?.[p['path']!];
        if (text === undefined) return NOT_FOUND;
        const content = Buffer.from(text).toString('base64');
        return { status: 200, body: { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: p['path']!.split('/').pop(), path: p['path'], sha: gitBlobOid(text), content } };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      (p) => {
        const text = Object.values(world.contents).flatMap((files) => Object.values(files)).find((t) => gitBlobOid(t) === p['file_sha']);
        if (text === undefined) return NOT_FOUND;
        return { status: 200, body: { sha: p['file_sha'], size: Buffer.byteLength(text), encoding: 'base64', content: Buffer.from(text).toString('base64') } };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/check-runs',
      (_p, _q, body) => {
        const b = body as { name?: string; head_sha?: string; status?: string; conclusion?: string };
        if (!b.name || !b.head_sha) return { status: 422, body: { message: 'Invalid request.\n\n"name" and "head_sha" are required.' } };
        const run: FakeCheckRun = { id: ++ids.next, name: b.name, head_sha: b.head_sha, status: b.conclusion ? 'completed' : (b.status ?? 'queued'), conclusion: b.conclusion ?? null, output: { title: null, summary: null, annotations: [] }, updates: [] };
        fake.checkRuns.push(run);
        return { status: 201, body: checkRunBody(run) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/check-runs/{check_run_id}',
      (p, _q, body) => {
        const run = fake.checkRuns.find((r) => r.id === Number(p['check_run_id']));
        if (!run) return NOT_FOUND;
        const b = body as { status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: Array<Record<string, unknown>> } };
        run.updates.push(body);
        if (b.output) run.output = { title: b.output.title ?? run.output.title, summary: b.output.summary ?? run.output.summary, annotations: [...run.output.annotations, ...(b.output.annotations ?? [])] };
        if (b.status) run.status = b.status;
        if (b.conclusion) [run.conclusion, run.status] = [b.conclusion, 'completed'];
        return { status: 200, body: checkRunBody(run) };
      },
    ],
    ['POST', '/graphql', (_p, _q, body) => graphql(body as { query?: string; variables?: Record<string, string> })],
  ];
  const compiled = routes.map(([method, template, handler]) => ({
    method,
    template,
    handler,
    // `{path}` of the contents API may hold slashes; every other parameter is one segment.
    pattern: new RegExp(`^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'path' ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`))}$`),
  }));

  function withPull(p: Record<string, string>, answer: (pr: FakePullRequest) => Reply): Reply {
    const pr = repoOk(p) ? pull(p['pull_number'] ?? p['issue_number']!) : undefined;
    return pr ? answer(pr) : NOT_FOUND;
  }

  function createReview(pr: FakePullRequest, b: Partial<FakeReview>): Reply {
    const comments = b.comments ?? [];
    const files = new Map(pr.files.map((f) => [f.filename, f]));
    const outside = comments.filter((c) => !lineInHunks(files.get(c.path)?.patch, c.line, c.side === 'LEFT'));
    if (outside.length > 0) return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request' } };
    const event = b.event ?? null;
    if (event === null && fake.reviews.some((r) => r.pull_number === pr.number && r.state === 'PENDING')) {
      return { status: 422, body: { message: 'Unprocessable Entity', errors: ['User can only have one pending review per pull request'] } };
    }
    const states: Record<string, string> = { COMMENT: 'COMMENTED', REQUEST_CHANGES: 'CHANGES_REQUESTED', APPROVE: 'APPROVED' };
    const review: FakeReview = { id: ++ids.next, pull_number: pr.number, commit_id: b.commit_id ?? pr.head, event, state: event === null ? 'PENDING' : (states[event] ?? 'COMMENTED'), body: b.body ?? '', comments };
    fake.reviews.push(review);
    if (event !== null) for (const c of comments) fake.reviewComments.push({ id: ++ids.next, pull_request_review_id: review.id, path: c.path, line: c.line, body: c.body, user: bot() });
    return { status: 200, body: { id: review.id, state: review.state, body: review.body, commit_id: review.commit_id, user: bot() } };
  }

  function graphql(b: { query?: string; variables?: Record<string, string> }): Reply {
    const vars = b.variables ?? {};
    const aliases = [...(b.query ?? '').matchAll(/(\w+):\s*object\(expression:\s*\$(\w+)\)/g)];
    if (!/repository\(owner:\s*\$owner,\s*name:\s*\$name\)/.test(b.query ?? '') || aliases.length === 0) {
      return { status: 200, body: { errors: [{ message: 'fake GitHub answers only the repository object(expression:) query' }] } };
    }
    if (vars['owner'] !== world.owner || vars['name'] !== world.repo) {
      return { status: 200, body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${vars['owner']}/${vars['name']}'.` }] } };
    }
    const repository: Record<string, unknown> = {};
    for (const [, alias, variable] of aliases) {
      const expression = vars[variable!] ?? '';
      const colon = expression.indexOf(':');
      const text = world.contents[expression.slice(0, colon)]?.[expression.slice(colon + 1)];
      repository[alias!] = text === undefined ? null : { __typename: 'Blob', oid: gitBlobOid(text), byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false, text };
    }
    return { status: 200, body: { data: { repository } } };
  }

  function route(method: string, path: string) {
    // GitHub Enterprise prefixes: REST under /api/v3, GraphQL at /api/graphql.
    const bare = path.startsWith('/api/v3/') ? path.slice('/api/v3'.length) : path === '/api/graphql' ? '/graphql' : path;
    for (const r of compiled) {
      const m = r.method === method ? r.pattern.exec(bare) : null;
      if (m) return { name: `${method} ${r.template}`, template: r.template, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])), handler: r.handler };
    }
    return null;
  }

  function authorize(template: string, auth: FakeGitHubRequest['auth'], params: Record<string, string>): Reply | null {
    if (template.startsWith('/app')) return auth === 'app' ? null : { status: 401, body: { message: 'A JSON web token could not be decoded' } };
    if (auth !== 'installation') return BAD_CREDENTIALS;
    return template.startsWith('/repos/') && !repoOk(params) ? NOT_FOUND : null;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = req.headers.authorization ?? '';
      const auth = /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(header) ? 'app' : header.includes(`${TOKEN_PREFIX}_`) ? 'installation' : 'none';
      const record: FakeGitHubRequest = { method: req.method ?? '', path: url.pathname, route: 'unknown', query: Object.fromEntries(url.searchParams), body: null, auth, status: 0 };
      fake.requests.push(record);
      let reply: Reply;
      try {
        record.body = raw === '' ? null : JSON.parse(raw);
        const found = route(record.method, url.pathname);
        if (found) record.route = found.name;
        reply = !found ? NOT_FOUND : (authorize(found.template, auth, found.params) ?? found.handler(found.params, record.query, record.body ?? {}, req));
      } catch {
        reply = { status: 400, body: { message: 'Problems parsing JSON' } };
      }
      const send = () => {
        pending.delete(cancel);
        record.status = reply.status;
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
        waiters.forEach((check) => check());
      };
      const timer = setTimeout(send, fake.latencyMs);
      const cancel = () => clearTimeout(timer);
      pending.add(cancel);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.host = `127.0.0.1:${port}`;
  return fake;
}

/** Whether `line` lies in one of `patch`'s hunks (new side, or old side for LEFT): where GitHub takes a comment. */
function lineInHunks(patch: string | undefined, line: number, left: boolean): boolean {
  for (const m of (patch ?? '').matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(left ? m[1] : m[3]);
    const count = Number((left ? m[2] : m[4]) ?? 1);
    if (line >= start && line < start + count) return true;
  }
  return false;
}

/** One page of `items` (`per_page` up to 100, default 30) with GitHub's `Link` header when there are more. */
function page(items: readonly unknown[], q: Record<string, string>, req: IncomingMessage): Reply {
  const perPage = Math.min(100, Number(q['per_page'] ?? 30) || 30);
  const current = Math.max(1, Number(q['page'] ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = current < last ? [link(current + 1, 'next'), link(last, 'last')] : [];
  return { status: 200, body: items.slice((current - 1) * perPage, current * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function fileEntry(f: FakePullRequestFile) {
  const lines = (f.patch ?? '').split('\n');
  const additions = lines.filter((l) => l.startsWith('+')).length;
  const deletions = lines.filter((l) => l.startsWith('-')).length;
  return { sha: createHash('sha1').update(f.filename).digest('hex'), filename: f.filename, status: f.status, additions, deletions, changes: additions + deletions, ...(f.patch === undefined ? {} : { patch: f.patch }), ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}) };
}

function pullBody(pr: FakePullRequest) {
  return {
    number: pr.number,
    title: pr.title ?? `Pull request ${pr.number}`,
    body: pr.body ?? null,
    draft: pr.draft ?? false,
    state: pr.state ?? 'open',
    user: pr.user ?? { login: 'Codertocat', type: 'User' },
    labels: (pr.labels ?? []).map((name) => ({ name })),
    head: { sha: pr.head, ref: 'changes' },
    base: { sha: pr.base, ref: 'main' },
  };
}

function checkRunBody(run: FakeCheckRun) {
  return { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion, output: { title: run.output.title, summary: run.output.summary, annotations_count: run.output.annotations.length } };
}
