import type { RepoPermission } from '../github-port.js';

/** Permissions that may run commands that cost tokens or change state, and whose 👎 counts as a dismissal. */
const WRITERS: ReadonlySet<RepoPermission> = new Set(['write', 'maintain', 'admin']);

/** True for write, maintain and admin. */
export function canWrite(permission: RepoPermission): boolean {
  return WRITERS.has(permission);
}
