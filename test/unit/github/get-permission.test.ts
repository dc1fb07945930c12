import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../../src/github/create-github-port.js';
import { toRepoPermission } from '../../../src/github/get-permission.js';
import { github, REF, testOctokit, useGitHubNock } from './github-nock.js';

useGitHubNock();

const answer = (permission: string, roleName: string) => ({ permission, role_name: roleName, user: { login: 'mona', type: 'User' } });

describe('getPermission', () => {
  it('reads role_name from the collaborator permission route, so maintain and triage are not flattened', async () => {
    const scope = github();
    scope.get('/repos/octo/demo/collaborators/mona/permission').reply(200, answer('write', 'maintain'));
    scope.get('/repos/octo/demo/collaborators/hubot/permission').reply(200, answer('read', 'triage'));
    const port = createGitHubPort(testOctokit());
    expect(await port.getPermission(REF, 'mona')).toBe('maintain');
    expect(await port.getPermission(REF, 'hubot')).toBe('triage');
  });

  it('maps a custom role by its base permission', async () => {
    github().get('/repos/octo/demo/collaborators/mona/permission').reply(200, answer('write', 'security-reviewer'));
    expect(await createGitHubPort(testOctokit()).getPermission(REF, 'mona')).toBe('write');
  });

  it("reads GitHub's 404 (not a user) as 'none'", async () => {
    github().get('/repos/octo/demo/collaborators/ghost/permission').reply(404, { message: 'ghost is not a user' });
    expect(await createGitHubPort(testOctokit()).getPermission(REF, 'ghost')).toBe('none');
  });

  it('throws other failures, naming the permission the App needs', async () => {
    github().get('/repos/octo/demo/collaborators/mona/permission').reply(403, { message: 'Resource not accessible by integration' });
    await expect(createGitHubPort(testOctokit()).getPermission(REF, 'mona')).rejects.toThrow(
      'GitHub repos.getCollaboratorPermissionLevel (GET /repos/octo/demo/collaborators/mona/permission) answered 403 "Resource not accessible by integration": the App lacks permission "Metadata: read"',
    );
  });
});

describe('toRepoPermission', () => {
  it.each([
    ['admin', 'admin', 'admin'],
    ['write', 'maintain', 'maintain'],
    ['write', 'write', 'write'],
    ['read', 'triage', 'triage'],
    ['read', 'read', 'read'],
    ['none', '', 'none'],
    ['admin', 'org-owner-like', 'admin'],
    ['read', 'docs-editor', 'read'],
    ['none', 'custom-nothing', 'none'],
    ['superuser', 'root', 'none'],
  ] as const)('permission %s with role_name "%s" is %s', (permission, roleName, expected) => {
    expect(toRepoPermission(roleName, permission)).toBe(expected);
  });
});
