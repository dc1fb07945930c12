import type { StaticRule } from '../../rule.js';
import { nPlusOneQuery } from './n-plus-one-query.js';
import { regexpJsonInLoop } from './regexp-json-in-loop.js';
import { sequentialAwaitInLoop } from './sequential-await-in-loop.js';
import { syncIoInHandler } from './sync-io-in-handler.js';

/** Performance rules, in documentation order. */
export const PERFORMANCE_RULES: readonly StaticRule[] = [sequentialAwaitInLoop, nPlusOneQuery, syncIoInHandler, regexpJsonInLoop];
