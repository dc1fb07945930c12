import { nameWords } from './name-words.js';

/** Words that say a value is a password or a comparable secret. */
const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials']);

/**
 * The password-like word a name contains, if any (`hashPassword` -> `password`, `req.body.pwd` -> `pwd`),
 * matched by whole words so `passport`, `bypass` and `tokenizer` do not count.
 */
export function passwordWordIn(name: string): string | null {
  for (const word of nameWords(name)) if (PASSWORD_WORDS.has(word)) return word.replace(/s$/, '');
  return null;
}
