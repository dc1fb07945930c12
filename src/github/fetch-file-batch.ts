import type { PullRequestRef } from '../review/github-port.js';
import type { FileContent } from '../review/ports.js';
import { blobNodeContent } from './blob-node-content.js';
import { buildBlobQuery, type BlobNode } from './build-blob-query.js';
import { GitHubCallError, isOctokitFailure, toGitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';
import { readBlobBytes } from './read-blob-bytes.js';

interface BlobAnswer {
  repository: Record<string, BlobNode> | null;
}

/**
 * Reads `paths` at `sha` in ONE GraphQL request (see {@link buildBlobQuery}), then one REST blob read per file
 * GraphQL could not hand over whole (over 512,000 bytes, or possibly not UTF-8). Results follow `paths`' order.
 */
export async function fetchFileBatch(octokit: GitHubOctokit, ref: PullRequestRef, sha: string, paths: readonly string[]): Promise<FileContent[]> {
  const variables: Record<string, string> = { owner: ref.owner, name: ref.repo };
  paths.forEach((path, i) => (variables[`e${i}`] = `${sha}:${path}`));
  const { repository, failedAliases } = await queryBlobs(octokit, buildBlobQuery(paths.length), variables);
  if (repository === null) {
    throw new GitHubCallError('graphql', 404, `GitHub graphql found no repository ${ref.owner}/${ref.repo}: check the name, and that the App is installed on it`);
  }
  const contents: FileContent[] = [];
  for (const [i, path] of paths.entries()) {
    const where = `${path} at ${sha.slice(0, 12)}`;
    const failure = failedAliases.get(`f${i}`);
    const verdict: ReturnType<typeof blobNodeContent> = failure ? { kind: 'missing', detail: `${where}: ${failure}` } : blobNodeContent(repository[`f${i}`] ?? null, where);
    contents.push(verdict.kind === 'read-bytes' ? await readBlobBytes(octokit, ref, verdict.oid) : verdict);
  }
  return contents;
}

/**
 * Runs the query. GitHub may answer with data AND errors (one alias failed); Octokit throws then, with the
 * partial data on the error: keep it, and note which aliases failed, so one bad path does not lose the batch.
 */
async function queryBlobs(
  octokit: GitHubOctokit,
  query: string,
  variables: Record<string, string>,
): Promise<{ repository: BlobAnswer['repository']; failedAliases: Map<string, string> }> {
  let answer: BlobAnswer;
  try {
    answer = await octokit.graphql<BlobAnswer>(query, variables);
  } catch (err) {
    const partial = partialAnswer(err);
    if (partial) return partial;
    throw isOctokitFailure(err) ? toGitHubCallError('graphql', err) : err;
  }
  return { repository: answer.repository, failedAliases: new Map() };
}

function partialAnswer(err: unknown): { repository: BlobAnswer['repository']; failedAliases: Map<string, string> } | null {
  if (typeof err !== 'object' || err === null || !('data' in err) || !('errors' in err) || !Array.isArray(err.errors)) return null;
  const data = err.data as Partial<BlobAnswer> | undefined;
  if (!data?.repository) return null;
  const failedAliases = new Map<string, string>();
  for (const e of err.errors as Array<{ message?: unknown; path?: unknown }>) {
    const alias = Array.isArray(e.path) ? e.path[1] : undefined;
    if (typeof alias !== 'string') return null; // an error about the whole query: no partial answer to trust
    failedAliases.set(alias, typeof e.message === 'string' ? e.message : 'GitHub could not read it');
  }
  return { repository: data.repository, failedAliases };
}
