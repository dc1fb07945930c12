import type { RestOctokit } from './create-rest-octokit.js';

/** The login of the Actions token, which cannot call `GET /user`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * Who a token posts as (its summary comment is found by this login): the user of a personal token, or
 * `github-actions[bot]` for a workflow's GITHUB_TOKEN (GitHub answers 403 to `GET /user` for it).
 */
export async function resolveTokenLogin(octokit: RestOctokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (err) {
    if ((err as { status?: number }).status === 403) return ACTIONS_BOT_LOGIN;
    throw err;
  }
}
