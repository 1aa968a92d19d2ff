import type { ValueTransformer } from 'typeorm';
import { Money } from './money.js';

/** numeric column <-> Decimal. pg returns numeric as a string, so nothing passes through a float. */
export const decimalTransformer: ValueTransformer = {
  to: (value: unknown): string | null | undefined => {
    if (value === null || value === undefined) return value;
    if (value instanceof Money || typeof value === 'string') return new Money(value).toFixed();
    throw new TypeError('decimal columns take a Decimal or a decimal string');
  },
  from: (value: string | null): Money | null => (value === null ? null : new Money(value)),
};
