import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { findProperty } from './hardening/find-property.js';
import { isFunctionNode } from './hardening/enclosing-function.js';
import { propertyKeyName } from './hardening/property-key-name.js';

/** Options that turn certificate checks off when set to this value (Node/tls, request, MongoDB driver). */
const DISABLING: ReadonlyMap<string, boolean> = new Map([
  ['rejectUnauthorized', false],
  ['strictSSL', false],
  ['sslValidate', false],
  ['tlsAllowInvalidCertificates', true],
  ['tlsAllowInvalidHostnames', true],
  ['tlsInsecure', true],
]);

/**
 * Certificate verification turned off: `rejectUnauthorized: false` (https.Agent, tls.connect, got's
 * `https`, database `ssl` options), `strictSSL: false` (request), the MongoDB driver's
 * `tlsAllowInvalid*`/`tlsInsecure`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'`, and `checkServerIdentity`
 * callbacks that accept every certificate. Server options with `requestCert` (optional client
 * certificates) are not reported.
 */
export const tlsVerificationDisabled: StaticRule = {
  // Necessary for any finding: the option and variable names it reports.
  needs: ['rejectUnauthorized', 'strictSSL', 'sslValidate', 'tlsAllowInvalid', 'tlsInsecure', 'NODE_TLS_REJECT_UNAUTHORIZED', 'checkServerIdentity'],
  doc: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification disabled',
    severity: 'high',
    category: 'security',
    help:
      'Without certificate verification, anyone on the network path (a coffee-shop Wi-Fi, a compromised ' +
      'router, a cloud neighbour) can present their own certificate and read or change the traffic, ' +
      'credentials included. To reach a server with a self-signed or private-CA certificate, trust that CA ' +
      'instead: `ca: fs.readFileSync("internal-ca.pem")` or `NODE_EXTRA_CA_CERTS`. There is no automatic ' +
      'fix: removing the option can break a connection that relies on it until the CA is configured.',
  },
  create(ctx) {
    return {
      Property(node) {
        const parent = ctx.parent(node);
        if (parent?.type !== 'ObjectExpression') return;
        const key = propertyKeyName(node);
        if (key === null) return;
        const disabling = DISABLING.get(key);
        if (disabling !== undefined) {
          if (booleanValue(node.value) !== disabling) return;
          if (key === 'rejectUnauthorized' && findProperty(parent, 'requestCert')) return; // a server asking for optional client certificates
          report(ctx, node, `\`${key}: ${String(disabling)}\``);
        } else if (key === 'NODE_TLS_REJECT_UNAUTHORIZED' && isZero(node.value)) {
          report(ctx, node, '`NODE_TLS_REJECT_UNAUTHORIZED=0` in a child environment');
        } else if (key === 'checkServerIdentity' && acceptsEverything(node.value)) {
          report(ctx, node, 'A `checkServerIdentity` that returns nothing');
        }
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression') return;
        const key = propertyKeyName(node.left);
        if (key === 'NODE_TLS_REJECT_UNAUTHORIZED' && isZero(node.right)) {
          report(ctx, node, 'Setting `NODE_TLS_REJECT_UNAUTHORIZED` to `0`', ' for every connection the process makes');
        } else if (key !== null && DISABLING.has(key) && booleanValue(node.right) === DISABLING.get(key)) {
          report(ctx, node, `Setting \`${key}\` to \`${String(DISABLING.get(key))}\``);
        }
      },
    };
  },
};

function report(ctx: RuleContext, node: TSESTree.Node, what: string, scope = ''): void {
  ctx.report({
    node,
    message:
      `${what} turns off TLS certificate verification${scope}, so anyone on the network path can impersonate the server ` +
      'and read or alter the traffic, credentials included. If the server uses a private CA or a self-signed certificate, ' +
      'trust it explicitly (`ca: fs.readFileSync("ca.pem")` or `NODE_EXTRA_CA_CERTS`) and keep verification on.',
    confidence: 0.9,
  });
}

/** The boolean a literal option value stands for (`false`, `0`, `'false'`), or null when it is not a literal. */
function booleanValue(node: TSESTree.Node): boolean | null {
  const n = unwrap(node);
  if (n.type === 'UnaryExpression' && n.operator === '!' && n.argument.type === 'Literal') return !n.argument.value;
  if (n.type !== 'Literal') return null;
  if (typeof n.value === 'boolean') return n.value;
  if (n.value === 0 || n.value === 'false' || n.value === '0') return false;
  if (n.value === 1 || n.value === 'true' || n.value === '1') return true;
  return null;
}

function isZero(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return n.type === 'Literal' && (n.value === 0 || n.value === '0' || n.value === false);
}

/** A callback that returns nothing (or `undefined`/`null`) on every path: every certificate is accepted. */
function acceptsEverything(node: TSESTree.Node): boolean {
  const fn = unwrap(node);
  if (!isFunctionNode(fn)) return false;
  if (fn.body.type !== 'BlockStatement') return isNothing(fn.body);
  return fn.body.body.every((s) => s.type === 'ReturnStatement' && (s.argument === null || isNothing(s.argument)));
}

function isNothing(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return (
    (n.type === 'Identifier' && n.name === 'undefined') ||
    (n.type === 'Literal' && n.value === null && !('regex' in n && n.regex)) ||
    (n.type === 'UnaryExpression' && n.operator === 'void')
  );
}
