/** Daily token accounting per installation. */
export { createMemoryUsageLedger } from './create-memory-usage-ledger.js';
export { utcDay, type UsageLedger } from './usage-ledger.js';
