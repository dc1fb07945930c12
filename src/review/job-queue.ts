/** A unit of background work: a review of one pull request. `signal` aborts when a newer job supersedes it. */
export type Job = (signal: AbortSignal) => Promise<void>;

/** What became of an enqueued job. */
export type EnqueueOutcome =
  /** Queued; nothing else was waiting under its key. */
  | 'queued'
  /** Queued in place of an older job of the same key that had not started (that one will never run). */
  | 'superseded'
  /** Refused: the queue is full. The caller says so (the check run, a log line); nothing is lost silently. */
  | 'full';

/**
 * Where webhook handlers put reviews so the webhook is answered at once. Jobs are keyed by pull request
 * (`owner/repo#123`): a newer push replaces a queued older job of the same key, and a running one is
 * signalled to stop (its result would be stale). The in-process implementation is
 * `createMemoryJobQueue`; a Redis-backed one for several machines implements the same interface
 * (enqueue is async for that reason).
 */
export interface JobQueue {
  enqueue(key: string, job: Job): Promise<EnqueueOutcome>;
  /** Resolves once nothing is queued or running (tests, graceful shutdown). */
  idle(): Promise<void>;
}
