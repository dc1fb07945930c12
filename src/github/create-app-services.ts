import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { createRefusalBudget, type RefusalBudget } from '../commands/create-refusal-budget.js';
import type { ArgusConfig } from '../config/index.js';
import { createMemoryReviewCache, type ReviewCache } from '../llm/cache/index.js';
import { createLlmResolver, type LlmChoice } from '../llm/openai/index.js';
import { createMemoryUsageLedger, type UsageLedger } from '../llm/usage/index.js';
import type { RenderContext } from '../render/context.js';
import { createMemoryJobQueue } from '../review/create-memory-job-queue.js';
import type { JobQueue } from '../review/job-queue.js';
import { GITHUB_RENDER_CONTEXT } from './github-render-context.js';
import { readAppEnv, type AppEnv } from './read-app-env.js';

/** What every handler of one App process shares. */
export interface AppServices {
  env: AppEnv;
  queue: JobQueue;
  cache: ReviewCache;
  ledger: UsageLedger;
  renderContext: RenderContext;
  /**
   * Marks a comment as handled; false when it was already (GitHub re-delivers webhooks: a command must not
   * run, reply or spend tokens twice). Kept in memory for a day, bounded.
   */
  firstDelivery(kind: 'issue-comment' | 'review-comment', id: number): boolean;
  /** Refusal replies per author and repository (see `createRefusalBudget`). */
  refusals: RefusalBudget;
  /** The model for a repository's config (one provider per model, so its concurrency limit is shared), or why none. */
  llm(config: ArgusConfig): LlmChoice;
}

/** Builds the App's shared services from the environment (throws one clear Error on bad settings). */
export function createAppServices(env: Readonly<Record<string, string | undefined>>, log: Logger): AppServices {
  const appEnv = readAppEnv(env);
  const handled = new LRUCache<string, true>({ max: 50_000, ttl: 24 * 60 * 60 * 1000 });
  return {
    env: appEnv,
    queue: createMemoryJobQueue({
      concurrency: appEnv.ARGUS_REVIEW_CONCURRENCY,
      maxQueued: appEnv.ARGUS_MAX_QUEUE,
      onError: (key, err) => log.error({ err, pr: key }, 'review failed'),
    }),
    cache: createMemoryReviewCache(),
    ledger: createMemoryUsageLedger(),
    renderContext: GITHUB_RENDER_CONTEXT,
    refusals: createRefusalBudget(),
    firstDelivery(kind, id) {
      const key = `${kind}:${id}`;
      if (handled.has(key)) return false;
      handled.set(key, true);
      return true;
    },
    llm: createLlmResolver(env, (model) => log.child({ component: 'llm', model })),
  };
}
