/** Price lookup and cost estimates for the summary and the caps. */
export { DEFAULT_PRICES, type ModelPrice } from './default-prices.js';
export { estimateCost, findPrice } from './find-price.js';
