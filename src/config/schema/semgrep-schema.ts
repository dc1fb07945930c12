import { z } from 'zod';

/** Longest Semgrep run allowed: a review has to finish; ten minutes is already far beyond a useful wait. */
export const MAX_SEMGREP_TIMEOUT_SECONDS = 600;

const timeoutError = `expected a whole number of seconds from 1 to ${MAX_SEMGREP_TIMEOUT_SECONDS}`;
const configError = 'expected a ruleset: a registry name like "p/default", or a path of a rule file or folder';

/**
 * The executable must be Semgrep: a repository's config must not be able to make the reviewer run
 * some other program (`/bin/sh`) with arguments it controls.
 */
const binarySchema = z
  .string({ error: 'expected the path of the semgrep executable, or null to find it on PATH' })
  .regex(/(?:^|[/\\])semgrep(?:\.exe)?$/, { error: 'expected a path ending in "semgrep" (the Semgrep CLI), or null to find it on PATH' });

/** `semgrep`: the optional Semgrep pass. */
export const semgrepSchema = z
  .strictObject({
    enabled: z
      .union([z.enum(['auto']), z.boolean()], { error: 'expected "auto", true or false' })
      .default('auto')
      .describe(
        'Run Semgrep on the changed files. "auto": when the executable is found, silently skipped when it is not; true: run it, and say in the review when it cannot run; false: never.',
      ),
    binary: binarySchema
      .nullable()
      .default(null)
      .describe('Path of the Semgrep executable. null means `semgrep` found on PATH.')
      .meta({ examples: ['/opt/semgrep/bin/semgrep'] }),
    configs: z
      .array(z.string({ error: configError }).regex(/^[^-\s]/, { error: configError }).max(500), { error: 'expected a list of rulesets, like ["p/default"]' })
      .min(1, { error: 'expected at least one ruleset, like ["p/default"]' })
      .max(20)
      .default(['p/default'])
      .describe(
        'Rulesets, each passed as `--config`: registry names (`p/default`, `p/owasp-top-ten`) are downloaded and need network access; paths of local rule files or folders (relative to the directory Argus runs in) work offline.',
      )
      .meta({ examples: [['p/default', 'tools/semgrep/']] }),
    timeout_seconds: z
      .number({ error: timeoutError })
      .int({ error: timeoutError })
      .min(1, { error: timeoutError })
      .max(MAX_SEMGREP_TIMEOUT_SECONDS, { error: timeoutError })
      .default(60)
      .describe('Stop Semgrep after this many seconds; the review then says so and carries on without its findings.'),
  })
  .describe(
    'The optional Semgrep pass: its findings join the static ones as `semgrep/<check_id>` (override them in `rules` like any rule). A missing or failing Semgrep never fails the review; it becomes a note.',
  );
/** The validated `semgrep` section. */
export type SemgrepConfig = z.infer<typeof semgrepSchema>;
