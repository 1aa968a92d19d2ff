export * from './money.js';
export * from './decimal.transformer.js';
export * from './money-validators.js';
export * from './amount-in-words.js';
