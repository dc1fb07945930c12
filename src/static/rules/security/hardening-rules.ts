import type { StaticRule } from '../../rule.js';

/** Hardening rules (crypto, TLS, tokens, cookies, CORS, ReDoS, deserialisation, credentials), in documentation order. */
export const HARDENING_RULES: readonly StaticRule[] = [];
