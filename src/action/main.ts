// Entry point of the GitHub Action (action.yml runs `node dist/action/main.js`). Wires only.
import { readFileSync } from 'node:fs';
import { ACTION_USAGE_ERROR, runAction, type ActionReview } from './run-action.js';
import { workflowError } from './workflow-error.js';

// Placeholder until the review entry point for the Action (reviewPullRequestFromAction) lands: replace it here.
const reviewPullRequestFromAction: ActionReview = async (context, io) => {
  io.stderr.write(
    workflowError(`this Argus build cannot review ${context.owner}/${context.repo}#${context.number} from an Action yet: use the GitHub App or \`argus review\` until the Action's review step is released`),
  );
  return ACTION_USAGE_ERROR;
};

process.exitCode = await runAction({
  env: process.env,
  readFile: (path) => readFileSync(path, 'utf8'),
  stderr: process.stderr,
  review: reviewPullRequestFromAction,
});
