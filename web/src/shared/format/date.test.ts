import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, parseDateInput } from './date';

describe('formatDate', () => {
  it.each([
    ['2025-04-21', '21/04/2025'],
    ['2024-02-29', '29/02/2024'],
    ['2021-01-04', '04/01/2021'],
    ['2025-12-31', '31/12/2025'],
    [null, '—'],
    ['', '—'],
    ['not a date', 'not a date'],
  ])('%s → %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it('formats an instant in the fund’s zone, not UTC (17:30 UTC is the next day in Hà Nội)', () => {
    expect(formatDate('2025-04-20T17:30:00.000Z')).toBe('21/04/2025 00:30');
  });
});

describe('formatInstant', () => {
  it.each([
    ['2025-04-21T01:02:03.000Z', '21/04/2025 08:02'],
    ['2025-12-31T16:59:00Z', '31/12/2025 23:59'],
    ['2025-12-31T17:00:00Z', '01/01/2026 00:00'],
    ['garbage', 'garbage'],
  ])('%s → %s', (value, expected) => {
    expect(formatInstant(value)).toBe(expected);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['21/04/2025', '2025-04-21'],
    ['1/2/2025', '2025-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', null],
    ['31/04/2025', null],
    ['00/01/2025', null],
    ['12/13/2025', null],
    ['2025-04-21', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseDateInput(text)).toBe(expected);
  });
});
