import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';
import { calleeTail } from './hardening/callee-tail.js';
import { findNamedDestination } from './hardening/find-named-destination.js';
import { createIdentifierIndex } from './hardening/create-identifier-index.js';
import { isSecretName } from './hardening/is-secret-name.js';

/** `Math.random`, also reached through the global object. */
const MATH_RANDOM = /^(?:(?:window|globalThis|global|self)\.)?Math\.random$/;

/**
 * `Math.random()` whose value ends up in something named as a secret: a token, session id, password,
 * nonce, OTP, key or salt (by the variable, property, function or label it reaches). Other uses
 * (animation, jitter, sampling) are not reported.
 */
export const insecureRandomness: StaticRule = {
  // Necessary for any finding: `Math.random()`.
  needs: ['random'],
  doc: {
    id: 'insecure-randomness',
    title: 'Predictable random value used as a secret',
    severity: 'high',
    category: 'security',
    help:
      '`Math.random()` is not a cryptographic generator: engines use fast PRNGs (xorshift128+ in V8) whose ' +
      'state can be recovered from a handful of outputs, after which every later token, session id or reset ' +
      'code is predictable. Generate secrets with `crypto.randomBytes(32).toString("hex")`, ' +
      '`crypto.randomUUID()` or `crypto.randomInt()` in Node, and `crypto.getRandomValues()` in browsers. ' +
      '`Math.random()` stays fine for jitter, animation and sampling.',
  },
  create(ctx) {
    // Made on the first `Math.random()`: a file can say `random` without calling it.
    let calls: TSESTree.CallExpression[] | null = null;
    ctx.atEnd(() => {
      if (calls === null) return;
      const index = createIdentifierIndex(ctx.parent);
      for (const call of calls) {
        const destination = findNamedDestination(call, isSecretName, index, ctx.parent);
        if (!destination) continue;
        ctx.report({
          node: call,
          message:
            `\`Math.random()\` ends up in \`${destination.name}\`, a secret, but its output is predictable: ` +
            'V8 derives it from a small internal state that can be recovered from a few observed values, so ' +
            'the next values can be guessed. Use `crypto.randomBytes(32).toString("hex")`, `crypto.randomUUID()` ' +
            'or `crypto.randomInt(min, max)` (Node), or `crypto.getRandomValues()` (browsers).',
          confidence: destination.hops === 0 ? 0.9 : 0.85,
        });
      }
    });
    return {
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || calleeTail(node.callee) !== 'random') return;
        const name = calleeName(node.callee);
        if (name !== null && MATH_RANDOM.test(name)) (calls ??= []).push(node);
      },
    };
  },
};
