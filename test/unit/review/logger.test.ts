import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/review/logger.js';

function capture(): { raw: () => string; lines: () => Array<Record<string, unknown>>; stream: Writable } {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  });
  return { stream, raw: () => out, lines: () => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with bound context and redacts credentials', () => {
    const { stream, lines } = capture();
    const log = createLogger({ level: 'info', destination: stream }).child({ deliveryId: 'd-1' });
    log.info(
      { token: 'ghs_secret', headers: { authorization: 'token abc', 'api-key': 'az-1' }, env: { OPENAI_API_KEY: 'sk-x', AZURE_OPENAI_API_KEY: 'az-2' }, repo: 'o/r' },
      'hello',
    );
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        deliveryId: 'd-1',
        msg: 'hello',
        token: '[REDACTED]',
        headers: { authorization: '[REDACTED]', 'api-key': '[REDACTED]' },
        env: { OPENAI_API_KEY: '[REDACTED]', AZURE_OPENAI_API_KEY: '[REDACTED]' },
        repo: 'o/r',
      }),
    ]);
  });

  it('is silent at level silent (the CLI without --verbose)', () => {
    const { stream, raw } = capture();
    createLogger({ level: 'silent', destination: stream }).error('nothing');
    expect(raw()).toBe('');
  });
});
