import { z } from 'zod';

/**
 * One glob. Paths are matched relative to the repository root, so a leading `/` or `./` could never
 * match, and a leading `!` would turn an exclude into "exclude everything else": all three are rejected.
 */
export const globSchema = z
  .string({ error: 'expected a glob pattern string, like "src/**"' })
  .min(1, { error: 'expected a non-empty glob pattern, like "src/**"' })
  .regex(/^(?![!/]|\.\/)/, {
    error: 'expected a glob relative to the repository root, without a leading "/", "./" or "!"',
  });

const globListSchema = z.array(globSchema, { error: 'expected a list of glob patterns, like ["src/**"]' });

/** `paths`: which changed files Argus reviews. */
export const pathsSchema = z
  .strictObject({
    include: globListSchema
      .default(['**'])
      .describe('Files to review. A changed file is reviewed when it matches at least one of these globs.')
      .meta({ examples: [['src/**', 'lib/**']] }),
    exclude: globListSchema
      .default([])
      .describe(
        'Files to skip, in addition to the built-in excludes (see `paths.exclude_defaults`). Checked after `paths.include`.',
      )
      .meta({ examples: [['docs/**', '**/*.test.ts']] }),
    exclude_defaults: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe(
        'Also skip the built-in list of lock files, minified files and source maps, vendored code and generated code. Set to false to review them; list the ones you still want skipped in `paths.exclude`.',
      ),
  })
  .describe('Which changed files Argus reviews. Globs use picomatch syntax and also match dot files.');
/** The validated `paths` section. */
export type PathsConfig = z.infer<typeof pathsSchema>;
