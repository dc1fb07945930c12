import { describe, expect, it } from 'vitest';
import { createMemoryUsageLedger } from '../../../../src/llm/usage/index.js';

describe('createMemoryUsageLedger', () => {
  it('adds up tokens per account and starts again on the next UTC day', async () => {
    const ledger = createMemoryUsageLedger();
    const morning = new Date('2026-11-24T00:00:01Z');
    const evening = new Date('2026-11-24T23:59:59Z');
    await ledger.add('1', 100, morning);
    await ledger.add('1', 50, evening);
    await ledger.add('2', 7, evening);
    expect(await ledger.spent('1', evening)).toBe(150);
    expect(await ledger.spent('2', evening)).toBe(7);
    expect(await ledger.spent('1', new Date('2026-11-25T00:00:00Z'))).toBe(0);
    expect(await ledger.spent('3', evening)).toBe(0);
  });
});
