import { utcDay, type UsageLedger } from './usage-ledger.js';

/** An in-process {@link UsageLedger}; only the current day is kept, so it never grows beyond the accounts. */
export function createMemoryUsageLedger(): UsageLedger {
  let day = '';
  let spentToday = new Map<string, number>();
  const roll = (now: Date): void => {
    const today = utcDay(now);
    if (today !== day) {
      day = today;
      spentToday = new Map();
    }
  };
  return {
    spent(account, now) {
      roll(now);
      return Promise.resolve(spentToday.get(account) ?? 0);
    },
    add(account, tokens, now) {
      roll(now);
      spentToday.set(account, (spentToday.get(account) ?? 0) + tokens);
      return Promise.resolve();
    },
  };
}
