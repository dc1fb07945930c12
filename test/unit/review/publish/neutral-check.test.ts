import { describe, expect, it } from 'vitest';
import { neutralCheck } from '../../../../src/review/publish/neutral-check.js';

describe('neutralCheck', () => {
  it('is neutral, without annotations, titled by the reason without its hint', () => {
    expect(neutralCheck('the pull request is a draft (set review.drafts: true to review drafts)')).toEqual({
      conclusion: 'neutral',
      title: 'Skipped: the pull request is a draft',
      summary: 'Argus did not review this pull request: the pull request is a draft (set review.drafts: true to review drafts).',
      annotations: [],
    });
  });

  it('covers the skip reasons in one line each', () => {
    const titles = [
      'the pull request was opened by a bot, dependabot[bot] (set review.bots: true to review it)',
      'the pull request is labelled argus:skip',
      'Argus is turned off for this repository (enabled: false in .github/argus.yml)',
    ].map((reason) => neutralCheck(reason).title);
    expect(titles).toEqual([
      'Skipped: the pull request was opened by a bot, dependabot[bot]',
      'Skipped: the pull request is labelled argus:skip',
      'Skipped: Argus is turned off for this repository',
    ]);
  });

  it('escapes the reason in the Markdown summary and keeps everything on one line', () => {
    const check = neutralCheck('opened by @octocat\n(see #12)');
    expect(check.title).toBe('Skipped: opened by @octocat');
    expect(check.summary).toBe('Argus did not review this pull request: opened by @&#8203;octocat (see #&#8203;12).');
  });

  it('shortens a very long title', () => {
    const title = neutralCheck('x'.repeat(500)).title;
    expect(title).toHaveLength(120);
    expect(title.endsWith('…')).toBe(true);
  });
});
