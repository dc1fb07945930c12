import type { Probot } from 'probot';

/**
 * Argus's own login, `<app-slug>[bot]`, asked once from GitHub (`GET /app`, app-authenticated) and kept:
 * the summary comment is recognised by its author, so a comment forged by someone else is never taken
 * for Argus's state. A failed lookup is retried on the next call.
 */
export function resolveBotLogin(app: Probot): () => Promise<string> {
  let login: Promise<string> | null = null;
  return () => {
    login ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => {
        if (!data?.slug) throw new Error('GET /app returned no slug: check APP_ID and PRIVATE_KEY');
        return `${data.slug}[bot]`;
      })
      .catch((err: unknown) => {
        login = null;
        throw err;
      });
    return login;
  };
}
