import { describe, expect, it } from '@jest/globals';
import { isLocalDate, isTimestamp } from './local-date.js';

describe('isLocalDate: a real calendar date YYYY-MM-DD', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['1900-01-01', true],
    ['0001-01-01', true],
    ['0000-01-01', false],
    ['9999-12-31', true],
    ['2025-1-01', false],
    ['', false],
    [' 2025-01-01', false],
  ])('%s → %s', (value, expected) => expect(isLocalDate(value)).toBe(expected));

  it('refuses what is not a string', () => {
    expect(isLocalDate(20250101)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});

describe('isTimestamp: an ISO 8601 instant on a real date and clock', () => {
  it.each([
    ['2026-11-01', true],
    ['2026-11-01T00:00', true],
    ['2026-11-01T00:00:00+07:00', true],
    ['2026-11-01T23:59:59.123Z', true],
    ['2026-11-01T00:00:00+0700', true],
    ['2025-02-30T00:00:00+07:00', false],
    ['2025-02-30', false],
    ['2026-11-01T24:00', false],
    ['2026-11-01T10:60', false],
    ['2026-11-01T10:00:61Z', false],
    ['2026-11-01T10:00+15:00', false],
    ['2026-11-01 10:00', false],
    ['0000-01-01T00:00Z', false],
    ['9999-12-31T23:59:59Z', true],
    ['', false],
  ])('%s → %s', (value, expected) => expect(isTimestamp(value)).toBe(expected));
});
