import type { GitHubPort, PullRequestRef, RepoPermission } from '../review/github-port.js';

export { canWrite } from '../review/feedback/can-write.js';

/** How long a permission is trusted: long enough for a burst of commands, short enough that a removal counts soon. */
export const PERMISSION_TTL_MS = 60_000;

/** Entries kept at most; the oldest go first (a busy App must not grow without bound). */
const MAX_ENTRIES = 5_000;

/** Repository permissions per login, cached briefly. */
export interface PermissionCache {
  /** `login`'s permission on `ref`'s repository; a failed lookup is not cached. */
  permissionOf(github: GitHubPort, ref: PullRequestRef, login: string): Promise<RepoPermission>;
}

/** A {@link PermissionCache} keyed by repository and login (logins compare without case, as GitHub's do). */
export function createPermissionCache(options: { ttlMs?: number; now?: () => number } = {}): PermissionCache {
  const ttl = options.ttlMs ?? PERMISSION_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; permission: Promise<RepoPermission> }>();
  return {
    permissionOf(github, ref, login) {
      const key = `${ref.owner}/${ref.repo}\0${login}`.toLowerCase();
      const hit = entries.get(key);
      if (hit !== undefined && now() - hit.at < ttl) return hit.permission;
      entries.delete(key);
      const permission = github.getPermission(ref, login);
      entries.set(key, { at: now(), permission });
      permission.catch(() => entries.delete(key));
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return permission;
    },
  };
}
