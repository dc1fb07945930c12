import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment, unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';
import { calleeTail } from './hardening/callee-tail.js';
import { constantString } from './hardening/constant-string.js';
import { createValueResolver, type ValueResolver } from './hardening/create-value-resolver.js';
import { enclosingFunction } from './hardening/enclosing-function.js';
import { findNamedDestination } from './hardening/find-named-destination.js';
import { functionName } from './hardening/function-name.js';
import { createIdentifierIndex, type IdentifierIndex } from './hardening/create-identifier-index.js';
import { passwordWordIn } from './hardening/password-word-in.js';

const WEAK_HASHES = new Set(['md5', 'md4', 'md2', 'sha1', 'sha-1', 'rsa-md5', 'rsa-sha1']);
/** Hash helpers of `md5`, `sha1` and crypto-js that take the data directly. */
const HASH_FUNCTIONS = new Set(['md5', 'MD5', 'sha1', 'SHA1']);
const CIPHER_FACTORIES = new Set(['createCipheriv', 'createDecipheriv']);
/** Every callee name this rule looks at: the rest of the calls are skipped at once. */
const INTERESTING = new Set(['createHash', ...HASH_FUNCTIONS, 'createCipher', 'createDecipher', ...CIPHER_FACTORIES, 'encrypt', 'decrypt']);

/**
 * Weak hashing of passwords and secrets (md5/sha1, judged by the names around the data), the
 * deprecated `createCipher`/`createDecipher`, ECB mode and broken ciphers (DES, 3DES, RC4, RC2,
 * Blowfish), and IVs fixed in code. md5/sha1 for checksums, ETags and cache keys are not reported.
 */
export const weakCrypto: StaticRule = {
  // Necessary for any finding: the callee names (and `ECB`) the rule looks at.
  needs: ['ECB', 'createHash', 'md5', 'MD5', 'sha1', 'SHA1', 'createCipher', 'createDecipher', 'encrypt', 'decrypt'],
  doc: {
    id: 'weak-crypto',
    title: 'Weak cryptography',
    severity: 'high',
    category: 'security',
    help:
      'MD5 and SHA-1 are fast and broken: leaked MD5/SHA-1 password hashes are cracked by the billion per ' +
      'second. Hash passwords with a slow, salted KDF (`bcrypt`, `argon2`, `crypto.scrypt`), and MAC secrets ' +
      'with `crypto.createHmac("sha256", key)`. Encrypt with `crypto.createCipheriv("aes-256-gcm", key, iv)` ' +
      'and a fresh `crypto.randomBytes(12)` IV per message: `createCipher` (no IV, MD5 key derivation) was ' +
      'removed in Node 22, ECB leaks patterns, DES/3DES/Blowfish/RC2 have small keys or blocks, RC4 is ' +
      'biased, and a fixed IV makes equal plaintexts visible (and breaks GCM entirely). MD5/SHA-1 for ' +
      'checksums, ETags and cache keys are fine and not reported.',
  },
  create(ctx) {
    const consts = createValueResolver(ctx.taint);
    const index = createIdentifierIndex(ctx.parent);
    const deferred: Array<() => void> = [];
    ctx.atEnd(() => deferred.forEach((fn) => fn()));
    return {
      MemberExpression(node) {
        // crypto-js: { mode: CryptoJS.mode.ECB }
        if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'ECB' && calleeName(node.object)?.endsWith('mode')) {
          ctx.report({ node, message: ecbMessage('`CryptoJS.mode.ECB`') });
        }
      },
      CallExpression(node) {
        const tail = calleeTail(node.callee);
        if (tail === null || !INTERESTING.has(tail)) return;
        const name = calleeName(node.callee);
        if (name === null) return;
        const method = lastSegment(name);
        const args = node.arguments;
        if (method === 'createHash' && args[0]) {
          const first = args[0];
          deferred.push(() => {
            const algorithm = constantString(first, consts)?.toLowerCase();
            if (algorithm && WEAK_HASHES.has(algorithm)) checkPasswordHash(ctx, node, algorithm, hashedData(node, index, ctx.parent), index);
          });
        } else if (HASH_FUNCTIONS.has(method) && args[0] && (name === method || /crypto/i.test(name))) {
          const data = args[0];
          deferred.push(() => checkPasswordHash(ctx, node, method.toLowerCase(), [data], index));
        } else if ((method === 'createCipher' || method === 'createDecipher') && args.length >= 2) {
          ctx.report({
            node,
            message:
              `\`${method}()\` derives the key from the password with a single unsalted MD5 round and uses no IV, so equal ` +
              'plaintexts give equal ciphertexts and the key falls to a dictionary attack; it is deprecated (DEP0106) and ' +
              `removed in Node 22. Use \`crypto.${method}iv('aes-256-gcm', key, iv)\` with a 32-byte key from ` +
              '`crypto.scryptSync(password, salt, 32)` and a fresh `crypto.randomBytes(12)` IV stored beside the ciphertext.',
          });
        } else if (CIPHER_FACTORIES.has(method) && args[0]) {
          deferred.push(() => checkCipher(ctx, node, method, consts));
        } else if (/(?:^|\.)(?:DES|TripleDES|RC4|RC4Drop)\.(?:encrypt|decrypt)$/.test(name)) {
          ctx.report({ node, message: weakCipherMessage(`\`${name.split('.').slice(-2).join('.')}\``, name.includes('RC4') ? 'rc4' : 'des') });
        }
      },
    };
  },
};

/** Arguments of `.update(...)` on a hash: chained (`createHash().update(x)`) or through a variable. */
function hashedData(call: TSESTree.CallExpression, index: IdentifierIndex, parent: ParentOf): TSESTree.Node[] {
  const data: TSESTree.Node[] = [];
  const fromChain = (start: TSESTree.Node): void => {
    let n = start;
    for (;;) {
      const member = parent(n);
      if (member?.type !== 'MemberExpression' || member.object !== n) break;
      const chained = parent(member);
      if (chained?.type !== 'CallExpression' || chained.callee !== member) break;
      if (!member.computed && member.property.type === 'Identifier' && member.property.name === 'update') {
        const arg = chained.arguments[0];
        if (arg) data.push(arg);
      }
      n = chained;
    }
  };
  fromChain(call);
  const declarator = parent(call);
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    for (const ref of index.referencesTo(declarator.id.name, enclosingFunction(declarator, parent), declarator.id)) fromChain(ref);
  }
  return data;
}

/**
 * Reports a weak hash when the data, where its result goes, or the function around it is named like a
 * password or secret; stays quiet otherwise (checksums, ETags, cache keys).
 */
function checkPasswordHash(ctx: RuleContext, call: TSESTree.CallExpression, algorithm: string, data: TSESTree.Node[], index: IdentifierIndex): void {
  let word = data.map(namesIn).flat().map(passwordWordIn).find((w) => w !== null) ?? null;
  let confidence = 0.9;
  if (word === null) {
    const destination = findNamedDestination(call, (n) => passwordWordIn(n) !== null, index, ctx.parent, 2);
    const fn = enclosingFunction(call, ctx.parent);
    const fnName = fn.type === 'Program' ? null : functionName(fn, ctx.parent);
    const name = destination?.name ?? (fnName !== null && passwordWordIn(fnName) !== null ? fnName : null);
    if (name === null) return;
    word = passwordWordIn(name);
    confidence = 0.75;
  }
  const algo = algorithm.replace(/^rsa-/, '');
  const fix =
    word === 'token' || word === 'secret'
      ? 'For a high-entropy token looked up later, use `crypto.createHash("sha256")`; to prove knowledge of a secret, use `crypto.createHmac("sha256", key)`.'
      : 'Hash passwords with a slow, salted KDF: `bcrypt.hash(password, 12)`, `argon2.hash(password)` or `crypto.scrypt(password, salt, 64)`.';
  ctx.report({
    node: call,
    message: `\`${algo}\` hashes a ${word}: it is fast and broken, so leaked ${algo} hashes are reversed by brute force or lookup tables in seconds. ${fix}`,
    confidence,
  });
}

/** The identifier and property names an expression is built from: `req.body.password + salt` -> password, body, req, salt. */
function namesIn(node: TSESTree.Node): string[] {
  const n = unwrap(node);
  switch (n.type) {
    case 'Identifier':
      return [n.name];
    case 'MemberExpression':
      return [...(n.property.type === 'Identifier' && !n.computed ? [n.property.name] : []), ...namesIn(n.object)];
    case 'BinaryExpression':
      return [...(n.left.type === 'PrivateIdentifier' ? [] : namesIn(n.left)), ...namesIn(n.right)];
    case 'TemplateLiteral':
      return n.expressions.flatMap(namesIn);
    case 'CallExpression':
      return n.arguments.flatMap(namesIn);
    default:
      return [];
  }
}

/** ECB, broken ciphers and fixed IVs in `createCipheriv`/`createDecipheriv`: one finding per call. */
function checkCipher(ctx: RuleContext, call: TSESTree.CallExpression, method: string, consts: ValueResolver): void {
  const algorithm = constantString(call.arguments[0]!, consts)?.toLowerCase();
  if (algorithm !== undefined) {
    const weak = weakCipher(algorithm);
    if (weak === 'ecb') return ctx.report({ node: call, message: ecbMessage(`\`${algorithm}\``) });
    if (weak !== null) return ctx.report({ node: call, message: weakCipherMessage(`\`${algorithm}\``, weak) });
  }
  const iv = call.arguments[2];
  if (iv && iv.type !== 'SpreadElement' && isFixedBytes(iv, consts)) {
    const decrypt = method === 'createDecipheriv';
    ctx.report({
      node: call,
      message:
        `The IV passed to \`${method}()\` is fixed in the code, so every message ${decrypt ? 'was' : 'is'} encrypted under the same key and IV: ` +
        'equal plaintexts give equal ciphertexts, and with GCM or CTR the XOR of two plaintexts (and the GCM authentication key) leaks. ' +
        'Generate `crypto.randomBytes(12)` (GCM) or `crypto.randomBytes(16)` (CBC) for each message and store it beside the ciphertext.',
    });
  }
}

/** `ecb` for ECB mode (including bare DES-EDE names, which are ECB), a family name for broken ciphers, null for fine ones. */
function weakCipher(algorithm: string): 'ecb' | 'des' | 'rc4' | 'rc2' | 'blowfish' | null {
  if (/(?:^|-)ecb$/.test(algorithm) || /^des-ede3?$/.test(algorithm)) return 'ecb';
  if (/^(?:des|des3|3des|des-ede)/.test(algorithm)) return 'des';
  if (algorithm.startsWith('rc4')) return 'rc4';
  if (algorithm.startsWith('rc2')) return 'rc2';
  if (/^(?:bf|blowfish)(?:-|$)/.test(algorithm)) return 'blowfish';
  return null;
}

function ecbMessage(what: string): string {
  return (
    `${what} uses ECB mode, which encrypts equal 16-byte blocks to equal ciphertext blocks, so patterns in the data show ` +
    'through and blocks can be swapped unnoticed. Use `aes-256-gcm` with a fresh `crypto.randomBytes(12)` IV per message.'
  );
}

function weakCipherMessage(what: string, family: 'des' | 'rc4' | 'rc2' | 'blowfish'): string {
  const why = {
    des: 'DES has a 56-bit key (brute-forced in hours) and 3DES a 64-bit block that leaks plaintext after a few GB (Sweet32); NIST disallowed both',
    rc4: 'RC4 output is biased, which recovers plaintext from repeated encryptions; it is banned from TLS (RFC 7465)',
    rc2: 'RC2 has weak key scheduling and a 64-bit block',
    blowfish: 'Blowfish has a 64-bit block that leaks plaintext after a few GB (Sweet32)',
  }[family];
  return `${what}: ${why}. Use \`aes-256-gcm\` with a fresh \`crypto.randomBytes(12)\` IV per message.`;
}

/**
 * True when an IV is fixed in the code: a string, `Buffer.from(<constant or literal bytes>)`,
 * `Buffer.alloc(n)` (zeros), `new Uint8Array(n)`, or a `const` bound to one of those.
 */
function isFixedBytes(node: TSESTree.Node, consts: ValueResolver): boolean {
  const n = consts.resolve(node);
  const text = constantString(n, consts);
  if (text !== null) return text.length > 0;
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
  const name = calleeName(n.callee);
  const first = n.arguments[0];
  if (!first || first.type === 'SpreadElement') return false;
  // Buffer.alloc(n) is n zero bytes; with a constant fill it is still the same bytes every time.
  if (name === 'Buffer.alloc') return n.arguments.slice(1).every((a) => a.type !== 'SpreadElement' && constantString(a, consts) !== null);
  if (name !== 'Uint8Array' && !(name === 'Buffer.from' && n.arguments.length <= 2)) return false;
  const value = consts.resolve(first);
  if (value.type === 'ArrayExpression') return value.elements.every((e) => e !== null && e.type === 'Literal');
  if (name === 'Uint8Array') return value.type === 'Literal' && typeof value.value === 'number';
  return constantString(value, consts) !== null || isFixedBytes(value, consts);
}
