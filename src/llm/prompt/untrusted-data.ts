import { randomBytes } from 'node:crypto';

/** Length of a generated nonce: 64 random bits, as hex. */
export const NONCE_LENGTH = 16;

const NONCE_SHAPE = /^[A-Za-z0-9]{8,64}$/;

/** A fresh nonce for the untrusted-data tags of one request. */
export function createNonce(): string {
  return randomBytes(NONCE_LENGTH / 2).toString('hex');
}

/** Throws unless `nonce` is 8 to 64 letters and digits (it goes into a tag name). */
export function assertNonce(nonce: string): void {
  if (!NONCE_SHAPE.test(nonce)) {
    throw new Error(`Untrusted-data nonce "${nonce}" is not 8 to 64 letters and digits: pass such a value, or none to get a random one.`);
  }
}

/**
 * `text` with every occurrence of this request's delimiter (`untrusted-data-<nonce>`, any case) defused, so
 * data cannot close or open an untrusted-data block. The nonce is random per request, so real code almost
 * never contains it; this is the guarantee for when it does.
 */
export function neutraliseDelimiter(text: string, nonce: string): string {
  const lower = text.toLowerCase();
  const needle = `untrusted-data-${nonce.toLowerCase()}`;
  if (!lower.includes(needle)) return text;
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    out += `${text.slice(from, at)}untrusted-data-[delimiter removed]`;
    from = at + needle.length;
  }
  return out + text.slice(from);
}
