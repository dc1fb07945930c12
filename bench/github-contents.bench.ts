/**
 * Measures three ways of reading a 50-file pull request's new contents, against nock answers shaped like
 * GitHub's (this repository's committed files and tree): batched GraphQL (what contentsAt does), the contents
 * API once per file, and the git trees API plus one blob read per file. Counts requests and bytes; prints the
 * Markdown table of docs/github-api.md. Run: npx tsx test/unit/github/measure-content-fetch.ts
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { contentsAt } from '../src/github/contents-at.js';
import { decodeContent } from '../src/review/decode-content.js';
import type { FileContent } from '../src/review/ports.js';

const ROOT = join(import.meta.dirname, '..');
const API = 'https://api.github.com';
const SHA = 'a'.repeat(40);
const REF = { owner: 'octo', repo: 'demo', number: 7 };
const FILES = 50;

interface Blob {
  path: string;
  oid: string;
  bytes: Buffer;
}

const tree = execFileSync('git', ['ls-tree', '-r', '-l', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, type, oid, size] = meta.split(/\s+/) as [string, string, string, string];
    return { mode, type, oid, size: Number(size), path };
  });
const blobs: Blob[] = tree
  .filter((e) => e.path.startsWith('src/') && e.path.endsWith('.ts'))
  .slice(0, FILES)
  .map((e) => ({ path: e.path, oid: e.oid, bytes: execFileSync('git', ['cat-file', 'blob', e.oid], { cwd: ROOT }) }));
const byPath = new Map(blobs.map((b) => [b.path, b]));
const byOid = new Map(blobs.map((b) => [b.oid, b]));

/** Base64 the way GitHub sends it: wrapped at 60 characters. */
const base64 = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';

function contentsAnswer(b: Blob) {
  const url = `${API}/repos/octo/demo/contents/${b.path}?ref=${SHA}`;
  const git = `${API}/repos/octo/demo/git/blobs/${b.oid}`;
  const html = `https://github.com/octo/demo/blob/${SHA}/${b.path}`;
  return {
    name: b.path.split('/').pop(),
    path: b.path,
    sha: b.oid,
    size: b.bytes.length,
    url,
    html_url: html,
    git_url: git,
    download_url: `https://raw.githubusercontent.com/octo/demo/${SHA}/${b.path}`,
    type: 'file',
    content: base64(b.bytes),
    encoding: 'base64',
    _links: { self: url, git, html },
  };
}

function treeAnswer() {
  return {
    sha: SHA,
    url: `${API}/repos/octo/demo/git/trees/${SHA}`,
    tree: tree.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.oid,
      ...(e.type === 'blob' ? { size: e.size } : {}),
      url: `${API}/repos/octo/demo/git/${e.type}s/${e.oid}`,
    })),
    truncated: false,
  };
}

function blobAnswer(b: Blob) {
  return { sha: b.oid, node_id: `B_${b.oid.slice(0, 20)}`, size: b.bytes.length, url: `${API}/repos/octo/demo/git/blobs/${b.oid}`, content: base64(b.bytes), encoding: 'base64' };
}

function graphqlAnswer(variables: Record<string, string>) {
  const repository: Record<string, unknown> = {};
  for (const [key, expression] of Object.entries(variables)) {
    if (!/^e\d+$/.test(key)) continue;
    const b = byPath.get(expression.slice(SHA.length + 1))!;
    repository[`f${key.slice(1)}`] = { __typename: 'Blob', oid: b.oid, byteSize: b.bytes.length, isBinary: false, isTruncated: false, text: b.bytes.toString('utf8') };
  }
  return { data: { repository } };
}

interface Tally {
  requests: number;
  sent: number;
  received: number;
}

/** Routes every API request to GitHub-shaped answers and tallies requests and body bytes. */
function serve(tally: Tally): void {
  const json = (body: unknown) => {
    const text = JSON.stringify(body);
    tally.received += Buffer.byteLength(text);
    return text;
  };
  const count = (req: { method: string; headers: Record<string, string | string[]> }, path: string, body: unknown) => {
    const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}\r\n`).join('');
    tally.requests += 1;
    tally.sent += Buffer.byteLength(`${req.method} ${path} HTTP/1.1\r\n${headers}\r\n`) + (body ? Buffer.byteLength(JSON.stringify(body)) : 0);
  };
  nock(API)
    .defaultReplyHeaders({ 'content-type': 'application/json; charset=utf-8' })
    .persist()
    .post('/graphql')
    .reply(200, function (this: nock.ReplyFnContext, path, body) {
      count(this.req, path, body);
      return json(graphqlAnswer((body as { variables: Record<string, string> }).variables));
    })
    .get(/^\/repos\/octo\/demo\/contents\//)
    .query(true)
    .reply(200, function (this: nock.ReplyFnContext, path) {
      count(this.req, path, null);
      return json(contentsAnswer(byPath.get(decodeURIComponent(path.split('/contents/')[1]!.split('?')[0]!))!));
    })
    .get(/^\/repos\/octo\/demo\/git\/trees\//)
    .query(true)
    .reply(200, function (this: nock.ReplyFnContext, path) {
      count(this.req, path, null);
      return json(treeAnswer());
    })
    .get(/^\/repos\/octo\/demo\/git\/blobs\//)
    .reply(200, function (this: nock.ReplyFnContext, path) {
      count(this.req, path, null);
      return json(blobAnswer(byOid.get(path.split('/').pop()!)!));
    });
}

type Strategy = (octokit: Octokit, paths: string[]) => Promise<FileContent[]>;

const graphql =
  (batch: number): Strategy =>
  async (octokit, paths) => {
    const port = contentsAt(octokit, REF, SHA, batch);
    await port.prefetch(paths);
    return Promise.all(paths.map((p) => port.readNewFile(p)));
  };

const contentsPerFile: Strategy = (octokit, paths) =>
  Promise.all(
    paths.map(async (path) => {
      const { data } = await octokit.rest.repos.getContent({ owner: 'octo', repo: 'demo', path, ref: SHA });
      return decodeContent(Buffer.from((data as { content: string }).content, 'base64'));
    }),
  );

const treeAndBlobs: Strategy = async (octokit, paths) => {
  const { data } = await octokit.rest.git.getTree({ owner: 'octo', repo: 'demo', tree_sha: SHA, recursive: 'true' });
  const oids = new Map(data.tree.map((e) => [e.path, e.sha]));
  return Promise.all(
    paths.map(async (path) => {
      const blob = await octokit.rest.git.getBlob({ owner: 'octo', repo: 'demo', file_sha: oids.get(path)! });
      return decodeContent(Buffer.from(blob.data.content, 'base64'));
    }),
  );
};

async function measure(name: string, strategy: Strategy): Promise<string> {
  const tally: Tally = { requests: 0, sent: 0, received: 0 };
  serve(tally);
  const octokit = new Octokit({ auth: 'ghs_measure', baseUrl: API });
  const paths = blobs.map((b) => b.path);
  const contents = await strategy(octokit, paths);
  nock.cleanAll();
  const exact = contents.every((c, i) => c.kind === 'text' && c.text === blobs[i]!.bytes.toString('utf8'));
  if (!exact) throw new Error(`${name} did not read the files back exactly`);
  const kb = (n: number) => (n / 1024).toFixed(1);
  return `| ${name} | ${tally.requests} | ${kb(tally.sent)} | ${kb(tally.received)} |`;
}

nock.disableNetConnect();
const source = blobs.reduce((sum, b) => sum + b.bytes.length, 0);
const rows = [
  await measure('GraphQL, batches of 50 (chosen)', graphql(50)),
  await measure('GraphQL, batches of 25', graphql(25)),
  await measure('GraphQL, batches of 10', graphql(10)),
  await measure('contents API, one call per file', contentsPerFile),
  await measure(`git trees (recursive, ${tree.length} entries) + one blob call per file`, treeAndBlobs),
];
console.log(`${FILES} files, ${(source / 1024).toFixed(1)} KB of source (this repository's src/*.ts)\n`);
console.log('| strategy | requests | sent (KB, with headers) | received (KB, bodies) |\n| --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
