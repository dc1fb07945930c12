import type { StaticRule } from '../../rule.js';
import { codeInjection } from './code-injection.js';
import { commandInjection } from './command-injection.js';

/** Injection rules (taint-driven sinks), in documentation order. */
export const INJECTION_RULES: readonly StaticRule[] = [codeInjection, commandInjection];
