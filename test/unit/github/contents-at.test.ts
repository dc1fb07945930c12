import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { GitHubCallError } from '../../../src/github/github-call-error.js';
import { MAX_FILE_BYTES } from '../../../src/review/decode-content.js';
import { capture, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

interface GraphqlBody {
  query: string;
  variables: Record<string, string>;
}

const blob = (text: string | null, extra: Partial<{ byteSize: number; isBinary: boolean; isTruncated: boolean; oid: string }> = {}) => ({
  __typename: 'Blob',
  oid: 'd'.repeat(40),
  byteSize: text === null ? 10 : Buffer.byteLength(text),
  isBinary: false,
  isTruncated: false,
  text,
  ...extra,
});

/** Answers each GraphQL batch with a text blob per alias, recording the request bodies. */
function answerBatches(bodies: GraphqlBody[], times: number) {
  github()
    .post('/graphql', capture(bodies as unknown[]))
    .times(times)
    .reply(200, (_uri, body) => {
      const { variables } = body as GraphqlBody;
      const aliases = Object.keys(variables).filter((k) => /^e\d+$/.test(k));
      return { data: { repository: Object.fromEntries(aliases.map((e) => [`f${e.slice(1)}`, blob(`// ${variables[e]}\n`)])) } };
    });
}

const paths = (count: number) => Array.from({ length: count }, (_, i) => `src/dir ${i}/file"${i}".ts`);

describe('contentsAt', () => {
  it('sends one GraphQL query per batch: aliased objects, expressions as variables', async () => {
    const bodies: GraphqlBody[] = [];
    answerBatches(bodies, 1);
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);

    await contents.prefetch(['a.ts', 'lib/b.ts']);

    expect(bodies).toEqual([
      {
        query:
          'query($owner: String!, $name: String!, $e0: String!, $e1: String!) { repository(owner: $owner, name: $name) {' +
          ' f0: object(expression: $e0) { ...blob } f1: object(expression: $e1) { ...blob } } }' +
          ' fragment blob on GitObject { __typename ... on Blob { oid byteSize isBinary isTruncated text } }',
        variables: { owner: 'octo', name: 'demo', e0: `${HEAD}:a.ts`, e1: `${HEAD}:lib/b.ts` },
      },
    ]);
    expect(await contents.readNewFile('lib/b.ts')).toEqual({ kind: 'text', text: `// ${HEAD}:lib/b.ts\n` });
  });

  it('batches 120 files as 50 + 50 + 20 and then reads them without another call', async () => {
    const bodies: GraphqlBody[] = [];
    answerBatches(bodies, 3);
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);
    const wanted = paths(120);

    await contents.prefetch([...wanted, wanted[0]!]);
    const read = await Promise.all(wanted.map((path) => contents.readNewFile(path)));

    expect(bodies.map((b) => (b.query.match(/ f\d+: object/g) ?? []).length)).toEqual([50, 50, 20]);
    expect(bodies.map((b) => [b.variables.e0, b.variables[`e${Object.keys(b.variables).length - 3}`]])).toEqual([
      [`${HEAD}:${wanted[0]}`, `${HEAD}:${wanted[49]}`],
      [`${HEAD}:${wanted[50]}`, `${HEAD}:${wanted[99]}`],
      [`${HEAD}:${wanted[100]}`, `${HEAD}:${wanted[119]}`],
    ]);
    expect(read[77]).toEqual({ kind: 'text', text: `// ${HEAD}:${wanted[77]}\n` });
    // A second prefetch of known paths costs nothing either.
    await contents.prefetch(wanted.slice(0, 10));
  });

  it('honours contentBatchSize', async () => {
    const bodies: GraphqlBody[] = [];
    answerBatches(bodies, 2);
    await createGitHubPort(testOctokit(), { contentBatchSize: 3 }).contentsAt(REF, HEAD).prefetch(paths(5));
    expect(bodies.map((b) => Object.keys(b.variables).length - 2)).toEqual([3, 2]);
  });

  it('reads one file alone without prefetch, once', async () => {
    const bodies: GraphqlBody[] = [];
    answerBatches(bodies, 1);
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);
    const [first, second] = await Promise.all([contents.readNewFile('a.ts'), contents.readNewFile('a.ts')]);
    expect(first).toEqual({ kind: 'text', text: `// ${HEAD}:a.ts\n` });
    expect(second).toEqual(first);
    expect(bodies.map((b) => b.variables)).toEqual([{ owner: 'octo', name: 'demo', e0: `${HEAD}:a.ts` }]);
  });

  it('maps binary, too large, missing, directory, submodule, BOM and NUL answers', async () => {
    github()
      .post('/graphql')
      .reply(200, {
        data: {
          repository: {
            f0: blob(null, { isBinary: true, byteSize: 2048 }),
            f1: blob('x'.repeat(100), { byteSize: MAX_FILE_BYTES + 1, isTruncated: true }),
            f2: null,
            f3: { __typename: 'Tree' },
            f4: { __typename: 'Commit' },
            f5: blob('\uFEFFconst a = 1;\n'),
            f6: blob('GIF89a\0\0'),
            f7: blob('x'.repeat(10), { byteSize: MAX_FILE_BYTES }),
          },
        },
      });
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);
    const wanted = ['logo.png', 'dist/bundle.js', 'gone.ts', 'src', 'vendor/lib', 'bom.ts', 'odd.gif', 'edge.txt'];
    await contents.prefetch(wanted);
    expect(await Promise.all(wanted.map((p) => contents.readNewFile(p)))).toEqual([
      { kind: 'binary' },
      { kind: 'too-large', bytes: MAX_FILE_BYTES + 1 },
      { kind: 'missing', detail: `gone.ts at ${HEAD.slice(0, 12)} does not exist` },
      { kind: 'missing', detail: `src at ${HEAD.slice(0, 12)} is a directory, not a file` },
      { kind: 'missing', detail: `vendor/lib at ${HEAD.slice(0, 12)} is a submodule, not a file` },
      { kind: 'text', text: 'const a = 1;\n' },
      { kind: 'binary' },
      { kind: 'text', text: 'xxxxxxxxxx' },
    ]);
  });

  it('reads the exact bytes through the blob API when GraphQL cut the text or decoded it lossily', async () => {
    const big = 'y'.repeat(600_000);
    const latin1 = Buffer.from('caf\xe9\n', 'latin1');
    const scope = github();
    scope.post('/graphql').reply(200, {
      data: {
        repository: {
          f0: blob(big.slice(0, 512_000), { byteSize: 600_000, isTruncated: true, oid: '1'.repeat(40) }),
          f1: blob('caf\uFFFD\n', { oid: '2'.repeat(40) }),
          f2: blob('smile \uFFFD\n', { oid: '3'.repeat(40) }),
        },
      },
    });
    scope.get(`/repos/octo/demo/git/blobs/${'1'.repeat(40)}`).reply(200, { sha: '1'.repeat(40), size: 600_000, encoding: 'base64', content: Buffer.from(big).toString('base64') });
    scope.get(`/repos/octo/demo/git/blobs/${'2'.repeat(40)}`).reply(200, { sha: '2'.repeat(40), size: 5, encoding: 'base64', content: latin1.toString('base64') });
    scope.get(`/repos/octo/demo/git/blobs/${'3'.repeat(40)}`).reply(200, { sha: '3'.repeat(40), size: 10, encoding: 'base64', content: Buffer.from('smile \uFFFD\n').toString('base64') });

    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);
    await contents.prefetch(['big.txt', 'latin1.txt', 'real-fffd.txt']);

    expect(await contents.readNewFile('big.txt')).toEqual({ kind: 'text', text: big });
    expect(await contents.readNewFile('latin1.txt')).toEqual({ kind: 'non-utf8' });
    expect(await contents.readNewFile('real-fffd.txt')).toEqual({ kind: 'text', text: 'smile \uFFFD\n' });
  });

  it('keeps the rest of a batch when GitHub reports an error for one alias', async () => {
    github()
      .post('/graphql')
      .reply(200, {
        data: { repository: { f0: blob('ok\n'), f1: null } },
        errors: [{ type: 'INTERNAL', path: ['repository', 'f1'], message: 'Something broke reading this object' }],
      });
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);
    await contents.prefetch(['a.ts', 'b.ts']);
    expect(await contents.readNewFile('a.ts')).toEqual({ kind: 'text', text: 'ok\n' });
    expect(await contents.readNewFile('b.ts')).toEqual({ kind: 'missing', detail: `b.ts at ${HEAD.slice(0, 12)}: Something broke reading this object` });
  });

  it('throws a failed batch as one line and reads the file again on the next call', async () => {
    const scope = github();
    scope.post('/graphql').reply(502, { message: 'Bad Gateway' });
    scope.post('/graphql').reply(200, { data: { repository: { f0: blob('second try\n') } } });
    const contents = createGitHubPort(testOctokit()).contentsAt(REF, HEAD);

    const failure = await contents.prefetch(['a.ts']).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(GitHubCallError);
    expect((failure as Error).message).toBe('GitHub graphql (POST /graphql) answered 502 "Bad Gateway": GitHub failed; retry later (https://www.githubstatus.com)');
    expect(await contents.readNewFile('a.ts')).toEqual({ kind: 'text', text: 'second try\n' });
  });

  it('says so when the repository is not visible to GraphQL', async () => {
    github().post('/graphql').reply(200, { data: { repository: null } });
    await expect(createGitHubPort(testOctokit()).contentsAt(REF, HEAD).readNewFile('a.ts')).rejects.toThrow(
      'GitHub graphql found no repository octo/demo: check the name, and that the App is installed on it',
    );
  });
});
