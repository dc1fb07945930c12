import { z } from 'zod';
import { llmSchema } from './llm-schema.js';
import { pathsSchema } from './paths-schema.js';
import { reviewSchema } from './review-schema.js';
import { rulesSchema } from './rules-schema.js';
import { semgrepSchema } from './semgrep-schema.js';
import { severityOrOffSchema, severitySettingSchema } from './severity-setting.js';

/** Longest `instructions` accepted: they go into every prompt, so they cost tokens on every review. */
export const MAX_INSTRUCTIONS_LENGTH = 4000;

/** Highest `max_comments`: GitHub reviews with hundreds of comments are unreadable and slow to post. */
export const MAX_COMMENTS_LIMIT = 100;

const maxCommentsError = `expected a whole number from 0 to ${MAX_COMMENTS_LIMIT}`;
const languageError = 'expected a language tag like "en", "de" or "pt-BR"';

/**
 * The repository configuration, `.github/argus.yml`. This schema is the single source of the keys, their
 * defaults and their documentation: the JSON schema, docs/configuration.md and the README table are generated
 * from it (npm run gen:schema). Sections are small sub-schemas; add a section by adding a file in this folder.
 * Sections use `.prefault({})` so a missing section gets its keys' own defaults, which live only on the leaves.
 */
export const argusConfigSchema = z.strictObject(
  {
    enabled: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe('Review pull requests in this repository. false turns Argus off: no review, no comments, no check.'),
    paths: pathsSchema.prefault({}),
    min_severity: severitySettingSchema
      .default('low')
      .describe('Lowest severity that gets a line comment. Findings below it are left out of the review.'),
    fail_on: severityOrOffSchema
      .default('high')
      .describe('Fail the check when a finding at or above this severity is reported. "off" never fails it.'),
    max_comments: z
      .number({ error: maxCommentsError })
      .int({ error: maxCommentsError })
      .min(0, { error: maxCommentsError })
      .max(MAX_COMMENTS_LIMIT, { error: maxCommentsError })
      .default(10)
      .describe(
        'Most line comments in one review; the most severe findings are kept. 0 posts only the summary.',
      ),
    rules: rulesSchema,
    review: reviewSchema.prefault({}),
    llm: llmSchema.prefault({}),
    semgrep: semgrepSchema.prefault({}),
    instructions: z
      .string({ error: 'expected a string (use a YAML block scalar "|" for several lines)' })
      .max(MAX_INSTRUCTIONS_LENGTH, {
        error: `expected at most ${MAX_INSTRUCTIONS_LENGTH} characters: keep instructions short and specific`,
      })
      .default('')
      .describe('Extra instructions for the LLM reviewer, e.g. project conventions. Empty means none.')
      .meta({ examples: ['We use Result types instead of exceptions; flag any new throw in src/domain.'] }),
    learn: z
      .boolean({ error: 'expected true or false' })
      .default(false)
      .describe(
        'Learn from dismissals: when maintainers dismiss findings of one rule repeatedly in this repository (`/argus dismiss` or a thumbs-down on the comment), Argus lowers that rule\'s severity here. Off by default.',
      ),
    language: z
      .string({ error: languageError })
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: languageError })
      .default('en')
      .describe('Language of review comments, as a BCP 47 language tag.')
      .meta({ examples: ['de', 'pt-BR'] }),
  },
  {
    error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping of settings at the top level' : undefined),
  },
);

/** The validated configuration. Keys are the YAML keys (snake_case); every key is present. */
export type ArgusConfig = z.infer<typeof argusConfigSchema>;

/** What may be written in the file (or passed to `mergeConfig`): every key optional. */
export type ArgusConfigInput = z.input<typeof argusConfigSchema>;
