/*
 * `npm run bench:llm`: the LLM pass on a 100-file pull request against a local fake OpenAI-compatible server
 * with a fixed latency per request (test/helpers/fake-openai-server.ts), through the real SDK and provider.
 * Prints: wall time against the ideal ceil(requests / concurrency) x latency, the request count, prompt tokens
 * per changed line (counted with the same tokenizer the budget uses, on what was really sent), and the tokens
 * a second review of the same pull request spends with the cache (expected: 0).
 * Not part of `npm test`: it prints figures and never asserts on time.
 * Flags: --latency=MS (default 300), --concurrency=N (default 4), --files=N (default 100).
 */
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../src/config/index.js';
import { parseDiff } from '../src/diff/index.js';
import { countMessageTokens } from '../src/llm/budget/index.js';
import { createMemoryReviewCache } from '../src/llm/cache/index.js';
import { createOpenAiLlm, resolveLlmSettings } from '../src/llm/openai/index.js';
import type { ChatMessage } from '../src/review/ports.js';
import { runReview } from '../src/review/run-review.js';
import { startFakeOpenAiServer } from '../test/helpers/fake-openai-server.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
};
const LATENCY = flag('latency', 300);
const CONCURRENCY = flag('concurrency', 4);
const FILES = flag('files', 100);

/** A deterministic TypeScript module of `n` functions; `changed` of them get a new line in the head version. */
function moduleText(file: number, changed: boolean): string {
  const out: string[] = [`import { store } from '../store';`, ''];
  for (let f = 0; f < 12; f++) {
    out.push(`export async function handler${file}_${f}(input: { id: string; count: number }): Promise<number> {`);
    out.push(`  const record = await store.get(input.id);`);
    out.push(`  if (!record) throw new Error('missing ${file}/${f}');`);
    if (changed && f % 3 === 0) {
      out.push(`  const limit = Math.min(input.count, record.limit ?? ${f + 10});`);
      out.push(`  if (limit < 0) return record.count;`);
    }
    out.push(`  return record.count + input.count * ${f + 1};`, '}', '');
  }
  return out.join('\n');
}

/** The pull request as one unified diff, and its head contents. */
function pullRequest(): { diff: string; heads: Map<string, string> } {
  const parts: string[] = [];
  const heads = new Map<string, string>();
  for (let i = 0; i < FILES; i++) {
    const path = `src/handlers/module-${String(i).padStart(3, '0')}.ts`;
    const before = moduleText(i, false).split('\n');
    const after = moduleText(i, true).split('\n');
    heads.set(path, after.join('\n'));
    parts.push(`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`);
    // One hunk per changed function: 3 context lines before the 2 added lines, 3 after.
    let oldLine = 0;
    let newLine = 0;
    while (newLine < after.length) {
      if (after[newLine] === before[oldLine]) {
        oldLine++;
        newLine++;
        continue;
      }
      const start = Math.max(0, oldLine - 3);
      const ctx = before.slice(start, oldLine);
      const added = [after[newLine], after[newLine + 1]];
      const tail = before.slice(oldLine, oldLine + 3);
      parts.push(`@@ -${start + 1},${ctx.length + tail.length} +${newLine - ctx.length + 1},${ctx.length + 2 + tail.length} @@`);
      parts.push(...ctx.map((l) => ` ${l}`), ...added.map((l) => `+${l}`), ...tail.map((l) => ` ${l}`));
      newLine += 2;
    }
  }
  return { diff: parts.join('\n') + '\n', heads };
}

const { diff, heads } = pullRequest();
const files = parseDiff(diff);
const changedLines = files.reduce((n, f) => n + f.addedLines.size, 0);
let sentPromptTokens = 0;
const arrivals: number[] = [];
const server = await startFakeOpenAiServer({
  latencyMs: LATENCY,
  respond: (body) => {
    // respond runs after the latency: the request arrived LATENCY ms earlier.
    arrivals.push(performance.now() - LATENCY);
    const prompt = countMessageTokens((body.messages ?? []) as ChatMessage[]);
    sentPromptTokens += prompt;
    return { content: '{"findings":[]}', usage: { prompt_tokens: prompt, completion_tokens: 5 } };
  },
});
const resolved = resolveLlmSettings(
  { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'bench', ARGUS_LLM_CONCURRENCY: String(CONCURRENCY), ARGUS_MODEL: 'gpt-4.1-mini' },
  null,
);
if (!resolved.ok) throw new Error(resolved.reason);
const port = createOpenAiLlm(resolved.settings);
const cache = createMemoryReviewCache();
const config = defaultConfig();
config.llm.max_review_tokens = 2_000_000;

async function reviewOnce() {
  const started = performance.now();
  const result = await runReview({
    files,
    contents: { readNewFile: async (path) => ({ kind: 'text', text: heads.get(path)! }) },
    config,
    llmSkipReason: null,
    llm: { port, cache, pullRequest: { title: 'Limits for every handler', body: 'Caps counts by the record limit.' }, postedFingerprints: new Set(), daily: null },
  });
  return { ms: performance.now() - started, result };
}

console.log(`argus LLM-pass bench, Node ${process.version}: ${files.length} files, ${changedLines} changed lines, fake server latency ${LATENCY} ms, concurrency ${CONCURRENCY}`);
const first = await reviewOnce();
const llm = first.result.stats.llm!;
const requestsSent = server.requests.length;
const ideal = Math.ceil(llm.requests / CONCURRENCY) * LATENCY;
console.log(`first review:  ${llm.requests} requests (${requestsSent} HTTP), ${llm.sentUnits} hunks sent, max ${server.maxInFlight} in flight`);
const phase = Math.max(...arrivals) + LATENCY - Math.min(...arrivals);
console.log(`  model phase  ${Math.round(phase)} ms (first request sent to last answer); ideal ceil(${llm.requests}/${CONCURRENCY}) x ${LATENCY} = ${ideal} ms; ratio ${(phase / ideal).toFixed(2)}`);
console.log(`  whole review ${Math.round(first.ms)} ms (static pass, units, tokenizer warm-up and validation included)`);
console.log(`  prompt       ${llm.promptTokens.toLocaleString('en-US')} tokens (server-counted ${sentPromptTokens.toLocaleString('en-US')}), ${(llm.promptTokens / changedLines).toFixed(1)} per changed line`);
console.log(`  skipped      ${first.result.stats.skippedFiles.length}; notes: ${first.result.notes.join(' | ') || 'none'}`);
const before = server.requests.length;
const second = await reviewOnce();
const again = second.result.stats.llm!;
console.log(
  `second review (same PR, cache): ${server.requests.length - before} HTTP requests, ${again.promptTokens + again.completionTokens} tokens, ${again.cachedUnits} hunks from cache, ${Math.round(second.ms)} ms`,
);
await server.close();
