import { describe, expect, it } from 'vitest';
import { workflowError } from '../../../src/action/workflow-error.js';

describe('workflowError', () => {
  it('writes one ::error:: command line', () => {
    expect(workflowError('the fail-on input must be one of off, high')).toBe('::error title=Argus::the fail-on input must be one of off, high\n');
  });

  it('escapes %, CR and LF so a message cannot end the command or start another', () => {
    expect(workflowError('100% sure\r\n::warning::injected')).toBe('::error title=Argus::100%25 sure%0D%0A::warning::injected\n');
  });
});
