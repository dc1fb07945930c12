import type { PullRequestRef, RepoPermission } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import { GitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';

const ROLES: readonly RepoPermission[] = ['admin', 'maintain', 'write', 'triage', 'read'];
/** The legacy base permission GitHub reports beside every role, custom ones included. */
const BASE_PERMISSIONS: readonly RepoPermission[] = ['admin', 'write', 'read'];

/**
 * `login`'s permission on the repository (`repos.getCollaboratorPermissionLevel`). `role_name` when it is one of
 * GitHub's five roles; a custom role falls back to its base `permission` (admin, write or read), so it is never
 * read as more than it inherits. Anything else, and a 404 (no such user), is 'none'.
 */
export async function getPermission(octokit: GitHubOctokit, ref: PullRequestRef, login: string): Promise<RepoPermission> {
  let answer: { permission: string; role_name: string };
  try {
    ({ data: answer } = await callGitHub('repos.getCollaboratorPermissionLevel', () =>
      octokit.rest.repos.getCollaboratorPermissionLevel({ owner: ref.owner, repo: ref.repo, username: login }),
    ));
  } catch (err) {
    if (err instanceof GitHubCallError && err.status === 404) return 'none';
    throw err;
  }
  return toRepoPermission(answer.role_name, answer.permission);
}

/** The port's permission for GitHub's `role_name` and `permission` fields (unknown values are 'none'). */
export function toRepoPermission(roleName: string, permission: string): RepoPermission {
  return ROLES.find((role) => role === roleName) ?? BASE_PERMISSIONS.find((base) => base === permission) ?? 'none';
}
