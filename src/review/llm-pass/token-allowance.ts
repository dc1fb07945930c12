/**
 * Tokens of one review, reserved before a request is sent and settled with the real usage after, so that
 * concurrent requests can never together overrun the cap: a request that does not fit is not sent.
 */
export interface TokenAllowance {
  /** Reserves `tokens`; false (and nothing reserved) when they do not fit under the cap. */
  reserve(tokens: number): boolean;
  /** Replaces a reservation of `reserved` tokens by what the call really used. */
  settle(reserved: number, used: number): void;
  readonly spent: number;
}

/** A {@link TokenAllowance} of `cap` tokens. */
export function createTokenAllowance(cap: number): TokenAllowance {
  let committed = 0;
  return {
    reserve(tokens) {
      if (committed + tokens > cap) return false;
      committed += tokens;
      return true;
    },
    settle(reserved, used) {
      committed += used - reserved;
    },
    get spent() {
      return committed;
    },
  };
}
