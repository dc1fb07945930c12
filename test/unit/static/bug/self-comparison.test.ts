import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';

describe('self-comparison', () => {
  it('flags a reference compared with itself, whitespace aside', () => {
    expect(linesOf('self-comparison', 'if (a === a) {}\nif (this.x.y !== this.x .y) {}\nwhile (o["k"] < o["k"]) {}')).toEqual([1, 2, 3]);
    expect(runRule('self-comparison', 'if (a === a) {}')[0]!.message).toContain('Number.isNaN');
  });

  it('ignores different operands, calls, computed members and arithmetic', () => {
    expect(linesOf('self-comparison', 'if (a === b) {}\nif (rand() === rand()) {}\nconst d = a - a;\nif (o[i] === o[i]) {}')).toEqual([]);
  });
});
