import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { truncateForGitHub } from '../../../src/github/truncate-for-github.js';
import type { CheckAnnotation } from '../../../src/review/github-port.js';
import { capture, github, HEAD, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const annotation = (i: number): CheckAnnotation => ({ path: `src/f${i}.ts`, startLine: i + 1, endLine: i + 2, level: 'warning', title: `rule-${i}`, message: `problem ${i}` });
const wire = (i: number) => ({ path: `src/f${i}.ts`, start_line: i + 1, end_line: i + 2, annotation_level: 'warning', title: `rule-${i}`, message: `problem ${i}` });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('check run', () => {
  it('starts the "Argus" check run in progress on the head commit', async () => {
    const bodies: unknown[] = [];
    github().post('/repos/octo/demo/check-runs', capture(bodies)).reply(201, { id: 42 });
    expect(await createGitHubPort(testOctokit()).createCheckRun(REF, HEAD)).toEqual({ id: 42 });
    expect(bodies).toEqual([{ name: 'Argus', head_sha: HEAD, status: 'in_progress' }]);
  });

  it('sends 120 annotations as 50 + 50 + 20 with the conclusion only on the last update', async () => {
    const bodies: unknown[] = [];
    github().patch('/repos/octo/demo/check-runs/42', capture(bodies)).times(3).reply(200, { id: 42 });

    await createGitHubPort(testOctokit()).completeCheckRun(REF, 42, {
      conclusion: 'failure',
      title: '3 problems',
      summary: 'Summary',
      annotations: range(0, 120).map(annotation),
    });

    expect(bodies).toEqual([
      { output: { title: '3 problems', summary: 'Summary', annotations: range(0, 50).map(wire) } },
      { output: { title: '3 problems', summary: 'Summary', annotations: range(50, 100).map(wire) } },
      { output: { title: '3 problems', summary: 'Summary', annotations: range(100, 120).map(wire) }, conclusion: 'failure' },
    ]);
  });

  it('completes without annotations in one update', async () => {
    const bodies: unknown[] = [];
    github().patch('/repos/octo/demo/check-runs/42', capture(bodies)).reply(200, { id: 42 });
    await createGitHubPort(testOctokit()).completeCheckRun(REF, 42, { conclusion: 'success', title: 'No problems', summary: 'Clean', annotations: [] });
    expect(bodies).toEqual([{ output: { title: 'No problems', summary: 'Clean' }, conclusion: 'success' }]);
  });

  it("cuts a summary over GitHub's 65535 characters and says so", async () => {
    const bodies: Array<{ output: { summary: string } }> = [];
    github()
      .patch('/repos/octo/demo/check-runs/42', capture(bodies as unknown[]))
      .reply(200, { id: 42 });
    const summary = Array.from({ length: 5000 }, (_, i) => `- finding ${i}: something is wrong here`).join('\n');

    await createGitHubPort(testOctokit()).completeCheckRun(REF, 42, { conclusion: 'neutral', title: 'Many', summary, annotations: [] });

    const sent = bodies[0]!.output.summary;
    expect(sent.length).toBeLessThanOrEqual(65535);
    expect(sent).toMatch(/\n- finding \d+: something is wrong here\n\n_\(truncated: GitHub limits this text to 65535 characters; \d+ more not shown\.\)_$/);
    const kept = sent.slice(0, sent.indexOf('\n\n_(truncated'));
    expect(summary.startsWith(kept)).toBe(true);
    expect(sent).toContain(`; ${summary.length - kept.length} more not shown.`);
  });
});

describe('truncateForGitHub', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateForGitHub('short', 100)).toBe('short');
  });

  it('closes a code fence left open by the cut', () => {
    const text = `Intro\n\n\`\`\`ts\n${'const x = 1;\n'.repeat(200)}\`\`\`\nafter`;
    const out = truncateForGitHub(text, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toMatch(/const x = 1;\n```\n\n_\(truncated: GitHub limits this text to 1000 characters; \d+ more not shown\.\)_$/);
  });

  it('never splits a surrogate pair when no line end is near', () => {
    const text = '😀'.repeat(1000);
    const out = truncateForGitHub(text, 500);
    const kept = out.slice(0, out.indexOf('\n\n_(truncated'));
    expect(kept.length % 2).toBe(0);
    expect(kept).toBe('😀'.repeat(kept.length / 2));
  });
});
