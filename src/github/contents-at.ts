import type { PullRequestRef } from '../review/github-port.js';
import type { ContentPort, FileContent } from '../review/ports.js';
import type { GitHubOctokit } from './github-octokit.js';
import { fetchFileBatch } from './fetch-file-batch.js';

/**
 * Files per GraphQL request. 50 keeps a 50-file pull request to one request while bounding the answer
 * (GraphQL cuts each text at 512,000 bytes, so a batch answers at most ~25 MB); docs/github-api.md has the figures.
 */
export const DEFAULT_CONTENT_BATCH_SIZE = 50;

/** A {@link ContentPort} that can read many files up front in few requests. */
export type PrefetchingContentPort = ContentPort & { prefetch(paths: readonly string[]): Promise<void> };

/**
 * New-file contents at `sha`. `prefetch(paths)` reads the files in GraphQL batches of `batchSize`; `readNewFile`
 * then answers from memory, and reads a file it was not given (alone) on first use. Each path is fetched once,
 * also when reads overlap.
 */
export function contentsAt(octokit: GitHubOctokit, ref: PullRequestRef, sha: string, batchSize = DEFAULT_CONTENT_BATCH_SIZE): PrefetchingContentPort {
  const cache = new Map<string, Promise<FileContent>>();

  const load = (paths: readonly string[]): Promise<unknown> => {
    const batch = fetchFileBatch(octokit, ref, sha, paths);
    paths.forEach((path, i) => {
      const content = batch.then((contents) => contents[i]!);
      content.catch(() => undefined); // the failure is reported once, by the returned promise
      cache.set(path, content);
    });
    // A failed read is not remembered: the next readNewFile tries again.
    return batch.catch((err: unknown) => {
      for (const path of paths) cache.delete(path);
      throw err;
    });
  };

  return {
    async prefetch(paths) {
      const wanted = [...new Set(paths)].filter((path) => !cache.has(path));
      // Sequential on purpose: Octokit's throttling serialises GraphQL requests anyway (one per second).
      for (let i = 0; i < wanted.length; i += batchSize) await load(wanted.slice(i, i + batchSize));
    },
    async readNewFile(path) {
      if (!cache.has(path)) await load([path]);
      return cache.get(path)!;
    },
  };
}
