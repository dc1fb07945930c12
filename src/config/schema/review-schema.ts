import { z } from 'zod';

/** `review`: when the GitHub App reviews a pull request, and how it posts. */
export const reviewSchema = z
  .strictObject({
    drafts: z
      .boolean({ error: 'expected true or false' })
      .default(false)
      .describe('Review draft pull requests too. By default a draft is reviewed when it is marked ready for review.'),
    bots: z
      .boolean({ error: 'expected true or false' })
      .default(false)
      .describe('Review pull requests opened by bots (Dependabot, Renovate...). By default they are skipped.'),
    request_changes: z
      .boolean({ error: 'expected true or false' })
      .default(false)
      .describe(
        'Post the review as "Request changes" when a finding meets `fail_on`. By default reviews are plain comments; Argus never approves.',
      ),
  })
  .describe('When the GitHub App reviews a pull request (a PR labelled `argus:skip` is never reviewed) and how it posts.');
/** The validated `review` section. */
export type ReviewConfig = z.infer<typeof reviewSchema>;
