import { isOctokitFailure, toGitHubCallError } from './github-call-error.js';

/** Runs one Octokit call, rethrowing its failure as a one-line {@link GitHubCallError} naming `call` (other errors pass through). */
export async function callGitHub<T>(call: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw isOctokitFailure(err) ? toGitHubCallError(call, err) : err;
  }
}
