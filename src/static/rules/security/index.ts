import type { StaticRule } from '../../rule.js';
import { codeInjection } from './code-injection.js';
import { commandInjection } from './command-injection.js';

/** Security rules, in documentation order. */
export const SECURITY_RULES: readonly StaticRule[] = [codeInjection, commandInjection];
