import { DEFAULT_PRICES, type ModelPrice } from './default-prices.js';

const SNAPSHOT_DATE = /-\d{4}-\d{2}-\d{2}$/;

/**
 * The price of `model`: the repository's table first, then the built-in one; each looked up by the exact
 * name, then without a snapshot date suffix. null when neither knows the model (local models, Azure
 * deployments with custom names): the cost is then reported as unknown, not as free.
 */
export function findPrice(model: string, overrides: Readonly<Record<string, ModelPrice>>): ModelPrice | null {
  const names = SNAPSHOT_DATE.test(model) ? [model, model.replace(SNAPSHOT_DATE, '')] : [model];
  for (const table of [overrides, DEFAULT_PRICES]) {
    for (const name of names) {
      if (Object.hasOwn(table, name)) return table[name]!;
    }
  }
  return null;
}

/** Estimated cost in US dollars of `promptTokens` in and `completionTokens` out at `price`. */
export function estimateCost(price: ModelPrice, promptTokens: number, completionTokens: number): number {
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
