import { describe, expect, it } from 'vitest';
import { datesToClose, nextDay } from './close-dates';

describe('datesToClose', () => {
  it.each([
    ['2025-04-19', '2025-04-19', ['2025-04-19']],
    ['2025-04-19', '2025-04-21', ['2025-04-19', '2025-04-20', '2025-04-21']],
    // Month and leap-year ends.
    ['2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['2025-12-31', '2026-01-01', ['2025-12-31', '2026-01-01']],
    // Before the business date, or not a date: nothing to close.
    ['2025-04-19', '2025-04-18', []],
    ['2025-04-19', '', []],
  ] as const)('from %s through %s', (from, until, expected) => {
    expect(datesToClose(from, until)).toEqual(expected);
  });
});

describe('nextDay', () => {
  it.each([
    ['2025-04-19', '2025-04-20'],
    ['2024-02-28', '2024-02-29'],
    ['2025-02-28', '2025-03-01'],
    ['2025-12-31', '2026-01-01'],
  ])('after %s is %s', (date, expected) => {
    expect(nextDay(date)).toBe(expected);
  });
});
