import { LRUCache } from 'lru-cache';

/** How many refusals and command lists Argus posts per author and repository in one window. */
export const REFUSALS_PER_WINDOW = 5;
const WINDOW_MS = 60 * 60 * 1000;

/** Decides whether Argus may post one more refusal (unknown command, wrong place, bad arguments, no permission). */
export interface RefusalBudget {
  allow(repo: string, login: string): boolean;
}

/**
 * At most {@link REFUSALS_PER_WINDOW} refusal replies per author and repository per hour: anyone can comment on a
 * public repository, and without a limit anyone could make Argus post comment after comment. Past the limit the
 * command gets a `confused` reaction instead of a reply. Commands that run are never limited here.
 */
export function createRefusalBudget(): RefusalBudget {
  const used = new LRUCache<string, number>({ max: 10_000, ttl: WINDOW_MS });
  return {
    allow(repo, login) {
      const key = `${repo.toLowerCase()}:${login.toLowerCase()}`;
      const n = used.get(key) ?? 0;
      if (n >= REFUSALS_PER_WINDOW) return false;
      // noUpdateTTL: the window starts at the first refusal, not the latest.
      used.set(key, n + 1, { noUpdateTTL: n > 0 });
      return true;
    },
  };
}
