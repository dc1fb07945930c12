import { decodeContent } from '../review/decode-content.js';
import type { PullRequestRef } from '../review/github-port.js';
import type { FileContent } from '../review/ports.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';

/**
 * Reads one blob's exact bytes through the REST git blob API (base64, up to 100 MB:
 * https://docs.github.com/en/rest/git/blobs#get-a-blob) and classifies them with `decodeContent`.
 */
export async function readBlobBytes(octokit: GitHubOctokit, ref: PullRequestRef, oid: string): Promise<FileContent> {
  const { data } = await callGitHub('git.getBlob', () => octokit.rest.git.getBlob({ owner: ref.owner, repo: ref.repo, file_sha: oid }));
  return decodeContent(Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
}
