import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { createTempRepo, type TempRepo } from '../helpers/git-repo.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'argus.js');
const run = promisify(execFile);

// A secret the secrets scanner knows (AWS's documented example key id): it must never reach the model.
const AWS_KEY = 'AKIAZ7Q3K9W2M4T6R8YP';

const PAD = Array.from({ length: 12 }, (_, i) => `export const LIMIT_${i} = ${i * 10};`).join('\n') + '\n\n';


const BASE = PAD + `export function total(prices: number[], discount: number): number {
  let sum = 0;
  for (const p of prices) sum += p;
  return sum;
}
`;
const HEAD = PAD + `export function total(prices: number[], discount: number): number {
  let sum = 0;
  for (const p of prices) sum += p;
  const reduced = sum - discount;
  return sum;
}

export const awsKeyId = '${AWS_KEY}';
`;

interface JsonOut {
  findings: Array<{ path: string; line: number; source: string; ruleId: string; title: string; severity: string }>;
  rejected: Array<{ reason: string; path?: string; line?: number }>;
  stats: { llm: { calls: number; promptTokens: number; completionTokens: number; requests: number; responseFormat: string; model: string } | null };
  notes: string[];
}

let repo: TempRepo | undefined;
let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  repo?.remove();
  await server?.close();
  repo = undefined;
  server = undefined;
});

/** The real CLI process (bin/argus.js over dist/), asynchronously so the fake server in this process can answer. */
async function argus(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('argus review --base with an LLM (fake OpenAI-compatible server, real SDK, real process)', () => {
  it('sends one redacted, line-numbered request and keeps only the anchored finding', async () => {
    repo = createTempRepo();
    repo.write('src/cart.ts', BASE);
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/cart.ts', HEAD);
    repo.commitAll('head');

    server = await startFakeOpenAiServer({
      respond: () => ({
        content: JSON.stringify({
          findings: [
            {
              path: 'src/cart.ts',
              line: 17,
              endLine: null,
              quote: '  const reduced = sum - discount;',
              severity: 'medium',
              category: 'bug',
              title: 'Discount computed but never returned',
              body: '`reduced` is unused: the function still returns the undiscounted sum.',
              suggestion: null,
              confidence: 0.9,
            },
            {
              path: 'src/cart.ts',
              line: 1,
              endLine: null,
              quote: 'export const LIMIT_0 = 0;',
              severity: 'low',
              category: 'maintainability',
              title: 'Name the parameter better',
              body: 'Outside the change.',
              suggestion: null,
              confidence: 0.9,
            },
          ],
        }),
        usage: { prompt_tokens: 900, completion_tokens: 120 },
      }),
    });

    const out = await argus(['review', '--base', 'main', '--format', 'json'], repo.dir, {
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
      ARGUS_MODEL: 'gpt-4.1-mini',
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as JsonOut;

    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.body;
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.response_format?.type).toBe('json_schema');
    const sent = JSON.stringify(body);
    expect(sent).not.toContain(AWS_KEY);
    expect(sent).toContain('const reduced = sum - discount;');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-not-a-real-key');

    const llm = result.findings.filter((f) => f.source === 'llm');
    expect(llm.map((f) => [f.path, f.line, f.ruleId, f.severity, f.title])).toEqual([
      ['src/cart.ts', 17, 'llm/bug', 'medium', 'Discount computed but never returned'],
    ]);
    expect(result.rejected).toEqual([
      { source: 'llm', reason: 'outside-diff', path: 'src/cart.ts', line: 1, title: 'Name the parameter better' },
    ]);
    expect(result.stats.llm).toMatchObject({ calls: 1, requests: 1, promptTokens: 900, completionTokens: 120, responseFormat: 'json_schema', model: 'gpt-4.1-mini' });
    expect(out.stdout).not.toContain(AWS_KEY);
  });

  it('reports a server that always fails as a failed request, and still prints the static findings', async () => {
    repo = createTempRepo();
    repo.write('src/cart.ts', BASE);
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/cart.ts', HEAD);
    repo.commitAll('head');
    server = await startFakeOpenAiServer({ respond: () => ({ status: 401, body: { error: { message: 'bad key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } }) });

    const out = await argus(['review', '--base', 'main', '--format', 'json', '--fail-on', 'high'], repo.dir, {
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
    });
    const result = JSON.parse(out.stdout) as JsonOut;
    expect(out.code).toBe(1); // the committed AWS key is a critical static finding
    expect(result.findings.map((f) => f.ruleId)).toEqual(['hardcoded-secret']);
    expect(result.stats.llm).toMatchObject({ calls: 1, requests: 1 });
    expect(result.notes.some((n) => /^LLM pass: 1 of 1 request\(s\) failed/.test(n))).toBe(true);
    expect(out.stdout).not.toContain('sk-test-not-a-real-key');
    expect(server.requests).toHaveLength(1); // 401 is not retried
  });
});
