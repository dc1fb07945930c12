import type { ApplicationFunction } from 'probot';
import { createAppServices, type AppServices } from './github/create-app-services.js';
import { resolveBotLogin } from './github/resolve-bot-login.js';
import { createPermissionCache } from './commands/index.js';
import { registerCheckRunHandler } from './handlers/check-run.js';
import { registerIssueCommentHandler } from './handlers/issue-comment.js';
import { registerPullRequestHandler } from './handlers/pull-request.js';
import { registerPullRequestReviewCommentHandler } from './handlers/pull-request-review-comment.js';

/** Options of {@link createArgusApp}: the environment, and a hook to reach the services (tests await the queue). */
export interface ArgusAppOptions {
  env?: Readonly<Record<string, string | undefined>>;
  onServices?: (services: AppServices) => void;
}

/** The Argus GitHub App function. Wires handlers only; the work is in src/review/. */
export function createArgusApp(options: ArgusAppOptions = {}): ApplicationFunction {
  return (app) => {
    const services = createAppServices(options.env ?? process.env, app.log);
    options.onServices?.(services);
    const botLogin = resolveBotLogin(app);
    registerPullRequestHandler(app, services, botLogin);
    registerCheckRunHandler(app, services, botLogin);
    const permissions = createPermissionCache();
    registerIssueCommentHandler(app, services, botLogin, permissions);
    registerPullRequestReviewCommentHandler(app, services, botLogin, permissions);
  };
}

/** What `probot run ./dist/index.js` loads. */
export default createArgusApp();
