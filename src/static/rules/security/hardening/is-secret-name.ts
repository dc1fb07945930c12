import { nameWords } from './name-words.js';

/** Head nouns that name a secret on their own: `resetToken`, `nonce`, `tempPassword`, `sid`. */
const SECRET_HEADS = new Set([
  'secret', 'token', 'password', 'passwd', 'pwd', 'passphrase', 'pass', 'nonce', 'otp', 'totp', 'hotp', 'salt',
  'iv', 'csrf', 'xsrf', 'sid', 'sessid', 'session', 'credential', 'apikey', 'verifier', 'challenge', 'pin', 'jwt',
]);

/** Head nouns that name a secret only after one of these words: `sessionId` but not `userId`. */
const QUALIFIED_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['key', new Set(['api', 'secret', 'private', 'access', 'signing', 'sign', 'encryption', 'enc', 'crypto', 'hmac', 'master', 'session', 'auth', 'aes'])],
  ['id', new Set(['session', 'sess'])],
  ['uuid', new Set(['session', 'sess'])],
  ['cookie', new Set(['session', 'auth'])],
  ['state', new Set(['oauth', 'oauth2', 'auth'])],
  ['code', new Set(['verification', 'verify', 'reset', 'confirm', 'confirmation', 'otp', 'auth', 'login', 'invite', 'activation', 'recovery', 'mfa', 'sms', 'security', 'access', 'pin', 'authorization'])],
]);

/** Trailing words that describe a representation, not what the value is: `tokenHex`, `nonceBytes`. */
const REPRESENTATION = new Set(['hex', 'str', 'string', 'value', 'val', 'buf', 'buffer', 'bytes', 'b64', 'base64', 'raw', 'text', 'chars', 'digits']);

/**
 * True when a name says its value is a secret: the head noun (the last word, after dropping
 * representation words like `Hex`) is a secret word, so `resetToken`, `sessionId` and `otpCode` match
 * while `tokenLength`, `sessionTimeout`, `userId` and React's `key` do not.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  while (words.length > 1 && REPRESENTATION.has(words[words.length - 1]!)) words.pop();
  const head = singular(words[words.length - 1]);
  if (head === undefined) return false;
  if (SECRET_HEADS.has(head)) return true;
  const qualifier = words[words.length - 2];
  return qualifier !== undefined && (QUALIFIED_HEADS.get(head)?.has(singular(qualifier)!) ?? false);
}

/** `tokens` -> `token`; leaves words that end in a double s (`pass`) alone. */
function singular(word: string | undefined): string | undefined {
  if (word === undefined || word.length < 3 || !word.endsWith('s') || word.endsWith('ss')) return word;
  return word.slice(0, -1);
}
