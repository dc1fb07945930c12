import { readActionContext, type ActionContext, type ActionEnv } from './read-action-context.js';
import { workflowError } from './workflow-error.js';

/**
 * Reviews the pull request described by `context` and returns the step's exit code: 0 reviewed, 1 a finding
 * at or above the fail-on threshold, 2 a usage or setup error (already reported on `stderr`).
 */
export type ActionReview = (context: ActionContext, io: { stderr: NodeJS.WritableStream }) => Promise<number>;

/** What {@link runAction} touches, injected so tests drive it without a runner. */
export interface ActionDeps {
  env: ActionEnv;
  /** Reads the event payload file (`fs.readFileSync(path, 'utf8')` in production). */
  readFile: (path: string) => string;
  stderr: NodeJS.WritableStream;
  review: ActionReview;
}

/** Exit code for a run that could not start: the same "usage or input error" code as the CLI. */
export const ACTION_USAGE_ERROR = 2;

/**
 * The Action's steps: read the event, check it is a pull request, and hand it to the review. Every failure
 * before the review is one `::error::` line (an annotation on the run) and exit code 2.
 */
export async function runAction(deps: ActionDeps): Promise<number> {
  const eventPath = deps.env.GITHUB_EVENT_PATH?.trim();
  if (eventPath === undefined || eventPath === '') {
    return fail(deps, 'GITHUB_EVENT_PATH is not set: this entry point runs as a step of a GitHub Actions job (uses: argus-review/argus@v0); locally, use `argus review` instead');
  }
  let eventJson: string;
  try {
    eventJson = deps.readFile(eventPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(deps, `the event payload ${eventPath} could not be read (${code}): run Argus as a step of a GitHub Actions job, which writes it`);
  }
  const read = readActionContext(deps.env, eventJson);
  if (!read.ok) return fail(deps, read.reason);
  return deps.review(read.context, { stderr: deps.stderr });
}

function fail(deps: ActionDeps, message: string): number {
  deps.stderr.write(workflowError(message));
  return ACTION_USAGE_ERROR;
}
