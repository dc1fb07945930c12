import type { StaticRule } from '../../rule.js';
import { codeInjection } from './code-injection.js';
import { commandInjection } from './command-injection.js';
import { nosqlInjection } from './nosql-injection.js';
import { openRedirect } from './open-redirect.js';
import { pathTraversal } from './path-traversal.js';
import { prototypePollution } from './prototype-pollution.js';
import { sqlInjection } from './sql-injection.js';
import { ssrf } from './ssrf.js';
import { xss } from './xss.js';

/** Injection rules (taint-driven sinks), in documentation order. */
export const INJECTION_RULES: readonly StaticRule[] = [
  codeInjection,
  commandInjection,
  sqlInjection,
  nosqlInjection,
  xss,
  pathTraversal,
  openRedirect,
  ssrf,
  prototypePollution,
];
