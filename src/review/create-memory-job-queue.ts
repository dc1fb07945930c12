import type { EnqueueOutcome, Job, JobQueue } from './job-queue.js';

/** Options of {@link createMemoryJobQueue}. */
export interface MemoryJobQueueOptions {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting at most; more are refused with `full`. */
  maxQueued: number;
  /** Called with a job's error (jobs should handle their own; this is the last resort). */
  onError: (key: string, err: unknown) => void;
}

/**
 * The in-process {@link JobQueue}: FIFO, bounded concurrency, at most one waiting job per key.
 * Hand-written rather than p-queue because superseding needs to replace a waiting job by key and to
 * abort the running one of that key, which p-queue cannot do (no removal, no keys).
 */
export function createMemoryJobQueue(options: MemoryJobQueueOptions): JobQueue & { readonly waiting: number; readonly running: number } {
  const waiting = new Map<string, Job>(); // insertion order = FIFO; a replaced job keeps its key's place
  const running = new Map<string, AbortController>();
  let idleWaiters: Array<() => void> = [];

  const pump = (): void => {
    for (const [key, job] of waiting) {
      if (running.size >= options.concurrency) break;
      if (running.has(key)) continue; // one review per pull request at a time; it runs after the current one
      waiting.delete(key);
      const controller = new AbortController();
      running.set(key, controller);
      void job(controller.signal)
        .catch((err: unknown) => options.onError(key, err))
        .finally(() => {
          running.delete(key);
          pump();
        });
    }
    if (waiting.size === 0 && running.size === 0) {
      const resolve = idleWaiters;
      idleWaiters = [];
      for (const r of resolve) r();
    }
  };

  return {
    enqueue(key, job) {
      let outcome: EnqueueOutcome = 'queued';
      if (waiting.has(key)) {
        outcome = 'superseded';
      } else if (waiting.size >= options.maxQueued) {
        return Promise.resolve('full');
      }
      running.get(key)?.abort();
      waiting.set(key, job);
      pump();
      return Promise.resolve(outcome);
    },
    idle() {
      if (waiting.size === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get waiting() {
      return waiting.size;
    },
    get running() {
      return running.size;
    },
  };
}
