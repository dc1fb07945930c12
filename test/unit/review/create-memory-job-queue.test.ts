import { describe, expect, it } from 'vitest';
import { createMemoryJobQueue } from '../../../src/review/create-memory-job-queue.js';

/** A job that records when it starts and finishes and waits until released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  const signals: AbortSignal[] = [];
  const job = async (signal: AbortSignal) => {
    signals.push(signal);
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}${signal.aborted ? ' (aborted)' : ''}`);
  };
  return { job, release, signals };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('createMemoryJobQueue', () => {
  it('runs at most `concurrency` jobs, in arrival order', async () => {
    const log: string[] = [];
    const q = createMemoryJobQueue({ concurrency: 2, maxQueued: 10, onError: () => {} });
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    await q.enqueue('o/r#1', a.job);
    await q.enqueue('o/r#2', b.job);
    await q.enqueue('o/r#3', c.job);
    expect(log).toEqual(['start a', 'start b']);
    expect(q.running).toBe(2);
    a.release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
    b.release();
    c.release();
    await q.idle();
    expect(q.running + q.waiting).toBe(0);
  });

  it('a newer job of the same pull request replaces the waiting one and aborts the running one', async () => {
    const log: string[] = [];
    const q = createMemoryJobQueue({ concurrency: 1, maxQueued: 10, onError: () => {} });
    const first = gate(log, 'push-1');
    const second = gate(log, 'push-2');
    const third = gate(log, 'push-3');
    expect(await q.enqueue('o/r#1', first.job)).toBe('queued');
    expect(await q.enqueue('o/r#1', second.job)).toBe('queued');
    expect(first.signals[0]!.aborted).toBe(true);
    expect(await q.enqueue('o/r#1', third.job)).toBe('superseded');
    first.release();
    await tick();
    third.release();
    await q.idle();
    expect(log).toEqual(['start push-1', 'end push-1 (aborted)', 'start push-3', 'end push-3']);
  });

  it('never runs two reviews of one pull request at once, even with free slots', async () => {
    const log: string[] = [];
    const q = createMemoryJobQueue({ concurrency: 4, maxQueued: 10, onError: () => {} });
    const first = gate(log, 'one');
    const second = gate(log, 'two');
    await q.enqueue('o/r#1', first.job);
    await q.enqueue('o/r#1', second.job);
    expect(log).toEqual(['start one']);
    first.release();
    await tick();
    expect(log).toEqual(['start one', 'end one (aborted)', 'start two']);
    second.release();
    await q.idle();
  });

  it('refuses work beyond maxQueued and reports job errors without stopping', async () => {
    const errors: Array<[string, unknown]> = [];
    const q = createMemoryJobQueue({ concurrency: 1, maxQueued: 1, onError: (key, err) => errors.push([key, err]) });
    const log: string[] = [];
    const running = gate(log, 'r');
    await q.enqueue('a', running.job);
    expect(await q.enqueue('b', () => Promise.reject(new Error('boom')))).toBe('queued');
    expect(await q.enqueue('c', async () => {})).toBe('full');
    running.release();
    await q.idle();
    expect(errors).toEqual([['b', new Error('boom')]]);
  });
});
