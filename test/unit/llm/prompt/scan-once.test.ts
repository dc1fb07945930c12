import { describe, expect, it, vi } from 'vitest';
import * as secrets from '../../../../src/static/secrets/scan-secrets.js';
import { buildReviewUnits } from '../../../../src/llm/prompt/index.js';
import { fileChange, numberedLines } from './file-change.js';

vi.mock('../../../../src/static/secrets/scan-secrets.js', async (importOriginal) => {
  const original = await importOriginal<typeof secrets>();
  return { ...original, scanSecrets: vi.fn(original.scanSecrets) };
});

describe('secret scanning cost', () => {
  it('scans a file twice in all, the new text and the deleted lines, however many units it has', () => {
    const old = numberedLines(200);
    const edited = old.replace('line 20\n', 'line twenty\n').replace('line 90\n', 'line ninety\n').replace('line 170\n', '');
    const scan = vi.mocked(secrets.scanSecrets);
    scan.mockClear();
    const { units } = buildReviewUnits(fileChange('notes.py', old, edited), { maxUnitTokens: 100_000 });
    expect(units).toHaveLength(3);
    expect(scan).toHaveBeenCalledTimes(2);
    expect(scan.mock.calls[0]![0].split('\n')).toHaveLength(199);
  });
});
