import type { StaticRule } from '../../rule.js';
import { corsCredentialsWildcard } from './cors-credentials-wildcard.js';
import { hardcodedCredentials } from './hardcoded-credentials.js';
import { insecureCookie } from './insecure-cookie.js';
import { insecureRandomness } from './insecure-randomness.js';
import { jwtMisuse } from './jwt-misuse.js';
import { redos } from './redos.js';
import { tlsVerificationDisabled } from './tls-verification-disabled.js';
import { unsafeDeserialization } from './unsafe-deserialization.js';
import { weakCrypto } from './weak-crypto.js';

/** Hardening rules (crypto, TLS, tokens, cookies, CORS, ReDoS, deserialisation, credentials), in documentation order. */
export const HARDENING_RULES: readonly StaticRule[] = [
  insecureRandomness,
  weakCrypto,
  tlsVerificationDisabled,
  jwtMisuse,
  corsCredentialsWildcard,
  insecureCookie,
  redos,
  unsafeDeserialization,
  hardcodedCredentials,
];
