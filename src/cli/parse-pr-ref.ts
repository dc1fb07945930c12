import { InputError } from '../local/input-error.js';
import type { PullRequestRef } from '../review/github-port.js';

const SHORT = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)$/;
const URL_FORM = /^https?:\/\/[^/]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pull\/(\d+)(?:[/?#].*)?$/;

/** `owner/repo#123` or a pull request URL -> its coordinates; anything else is a one-line InputError. */
export function parsePrRef(value: string): PullRequestRef {
  const m = SHORT.exec(value) ?? URL_FORM.exec(value);
  if (!m || Number(m[3]) < 1) {
    throw new InputError(`--pr ${JSON.stringify(value)} is not a pull request: write owner/repo#123 or its URL`);
  }
  return { owner: m[1]!, repo: m[2]!, number: Number(m[3]) };
}
