/** A model's price in US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * OpenAI's list prices (standard tier, USD per million tokens) for the models people point Argus at.
 * Only an estimate for the summary: the invoice is the truth. Repositories add or override entries with
 * `llm.prices`; snapshot names (`gpt-4.1-mini-2025-04-14`) are looked up without their date.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5.1': { input: 1.25, output: 10 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
});
