import { describe, expect, it } from 'vitest';
import { estimateCost, findPrice } from '../../../../src/llm/cost/index.js';

describe('findPrice', () => {
  it('finds built-in models, also by snapshot name', () => {
    expect(findPrice('gpt-4.1-mini', {})).toEqual({ input: 0.4, output: 1.6 });
    expect(findPrice('gpt-4.1-mini-2025-04-14', {})).toEqual({ input: 0.4, output: 1.6 });
  });

  it('lets the repository override and extend the table', () => {
    expect(findPrice('gpt-4.1-mini', { 'gpt-4.1-mini': { input: 1, output: 2 } })).toEqual({ input: 1, output: 2 });
    expect(findPrice('llama3.1:8b', { 'llama3.1:8b': { input: 0, output: 0 } })).toEqual({ input: 0, output: 0 });
  });

  it('does not take inherited keys or guess unknown models', () => {
    expect(findPrice('toString', {})).toBeNull();
    expect(findPrice('my-deployment', {})).toBeNull();
  });
});

describe('estimateCost', () => {
  it('prices prompt and completion tokens per million', () => {
    expect(estimateCost({ input: 0.4, output: 1.6 }, 1_000_000, 500_000)).toBeCloseTo(1.2, 10);
    expect(estimateCost({ input: 2, output: 8 }, 0, 0)).toBe(0);
  });
});
