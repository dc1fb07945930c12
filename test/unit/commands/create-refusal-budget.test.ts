import { describe, expect, it } from 'vitest';
import { createRefusalBudget, REFUSALS_PER_WINDOW } from '../../../src/commands/index.js';

describe('createRefusalBudget', () => {
  it('allows a fixed number of refusals per author and repository, case-insensitively', () => {
    const budget = createRefusalBudget();
    const answers = Array.from({ length: REFUSALS_PER_WINDOW + 1 }, () => budget.allow('Octo/App', 'Mallory'));
    expect(answers).toEqual([...Array<boolean>(REFUSALS_PER_WINDOW).fill(true), false]);
    expect(budget.allow('octo/app', 'mallory')).toBe(false);
    expect(budget.allow('octo/app', 'alice')).toBe(true);
    expect(budget.allow('octo/other', 'mallory')).toBe(true);
  });
});
