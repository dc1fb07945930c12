import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo } from '../../helpers/git-repo.js';
import { BASE, BOT, HEAD, REPO, authScope, payload, pullRequestBody, startApp } from './app-harness.js';

const REVIEWED = 'd'.repeat(40);

/** A 60-line module; `edit(n)` changes function n's body. */
function moduleText(edits: number[]): string {
  const out: string[] = [];
  for (let f = 0; f < 10; f++) {
    out.push(`export function step${f}(value) {`, `  const next = value + ${f};`);
    out.push(edits.includes(f) ? `  return next * ${f + 100}; // changed in step ${f}` : '  return next;');
    out.push('}', '', '');
  }
  return out.join('\n');
}

/** The patches of base..head and reviewed..head as GitHub's files APIs give them (hunks only). */
function patches(): { pr: string; increment: string; head: string } {
  const repo = createTempRepo();
  try {
    repo.write('src/steps.js', moduleText([]));
    repo.commitAll('base');
    repo.write('src/steps.js', moduleText([0]));
    repo.commitAll('reviewed');
    repo.write('src/steps.js', moduleText([0, 8]));
    repo.commitAll('head');
    const hunks = (range: string) => repo.git('diff', range, '--', 'src/steps.js').split('\n').slice(4).join('\n').replace(/\n$/, '');
    return { pr: hunks('HEAD~2..HEAD'), increment: hunks('HEAD~1..HEAD'), head: moduleText([0, 8]) };
  } finally {
    repo.remove();
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('pull_request.synchronize after an earlier review', () => {
  it('sends only the code of the new commits to the model (compare API), and records the new head', async () => {
    const { pr, increment, head } = patches();
    expect(pr.match(/^@@/gm)).toHaveLength(2);
    expect(increment.match(/^@@/gm)).toHaveLength(1);
    const { probot, services } = await startApp({ OPENAI_API_KEY: 'sk-test', ARGUS_LLM_MAX_RETRIES: '0' });
    const summaryBody = `<!-- argus:summary -->\n<!-- argus:reviewed=${REVIEWED} -->\n## Argus review`;
    const prompts: string[] = [];
    const summaries: Array<{ body: string }> = [];
    authScope()
      .get(`${REPO}/pulls/2`)
      .twice()
      .reply(200, pullRequestBody())
      .get(`${REPO}/contents/.github%2Fargus.yml`)
      .query({ ref: BASE })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/issues/2/comments`)
      .query(true)
      .times(2) // before the review, and again just before publishing
      .reply(200, [{ id: 77, body: summaryBody, user: { login: BOT, type: 'Bot' } }])
      .post(`${REPO}/check-runs`)
      .reply(201, { id: 8 })
      .get(`${REPO}/pulls/2/files`)
      .query(true)
      .reply(200, [{ filename: 'src/steps.js', status: 'modified', additions: 2, deletions: 2, changes: 4, patch: pr }])
      .get(`${REPO}/compare/${REVIEWED}...${HEAD}`)
      .query(true)
      .reply(200, { status: 'ahead', files: [{ filename: 'src/steps.js', status: 'modified', additions: 1, deletions: 1, changes: 2, patch: increment }] })
      .post('/graphql')
      .reply(200, { data: { repository: { f0: { __typename: 'Blob', oid: '1'.repeat(40), byteSize: head.length, isBinary: false, isTruncated: false, text: head } } } })
      .get(`${REPO}/pulls/2/comments`)
      .query(true)
      .reply(200, [])
      .patch(`${REPO}/issues/comments/77`, (b: { body: string }) => summaries.push(b) > 0)
      .reply(200, {})
      .patch(`${REPO}/check-runs/8`)
      .reply(200, {});
    nock('https://api.openai.com')
      .post('/v1/chat/completions', (b: { messages: Array<{ content: string }> }) => prompts.push(b.messages.map((m) => m.content).join('\n')) > 0)
      .reply(200, {
        id: 'c',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4.1-mini',
        choices: [{ index: 0, message: { role: 'assistant', content: '{"findings":[]}', refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
      });

    await probot.receive({ id: 'd', name: 'pull_request', payload: payload('pull_request', 'synchronize') } as never);
    await services().queue.idle();
    expect(nock.pendingMocks()).toEqual([]);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain('changed in step 8');
    expect(prompts[0]).not.toContain('changed in step 0');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain(`<!-- argus:reviewed=${HEAD} -->`);
    expect(summaries[0]!.body).toContain(REVIEWED.slice(0, 7));
  });
});
