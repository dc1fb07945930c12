// Entry point of the GitHub Action (action.yml runs `node dist/action/main.js`). Wires only.
import { readFileSync } from 'node:fs';
import { createActionReview } from './review-from-action.js';
import { runAction } from './run-action.js';

process.exitCode = await runAction({
  env: process.env,
  readFile: (path) => readFileSync(path, 'utf8'),
  stderr: process.stderr,
  review: createActionReview(process.env),
});
