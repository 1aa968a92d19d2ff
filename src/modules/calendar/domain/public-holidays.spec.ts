import { describe, it, expect } from '@jest/globals';
import { isoWeekday } from '../../../platform/dates/index.js';
import { lunarNewYear, solarDateOfLunar } from './lunar.js';
import { compensatoryDays, defaultCalendarDays, nationalDayAdjacent, publicHolidays, workingCalendarOf } from './public-holidays.js';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    // Years where the Vietnamese and the Chinese (UTC+8) calendars disagree: the library must give Vietnam's.
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    // The years the fund generates.
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // The new moon of 2 Feb 2030 is at 23:07 in UTC+7 (00:07 on 3 Feb in UTC+8): Vietnam's Tết is 2 Feb, China's 3 Feb.
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương %i (10/3 âm lịch) is %s', (year, date) => {
    expect(solarDateOfLunar(year, 3, 10)).toBe(date);
  });
});

describe('Labour Code 2019 Art. 112.1 holidays and Art. 111.3 compensatory days', () => {
  it('2026: Tết from the last day of Ất Tỵ (16 Feb) to mùng 4 (20 Feb); Giỗ Tổ on Sunday 26 Apr gives Monday 27 Apr', () => {
    const days = defaultCalendarDays(2026);
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-01-01', 'PUBLIC_HOLIDAY'],
      ['2026-02-16', 'PUBLIC_HOLIDAY'],
      ['2026-02-17', 'PUBLIC_HOLIDAY'],
      ['2026-02-18', 'PUBLIC_HOLIDAY'],
      ['2026-02-19', 'PUBLIC_HOLIDAY'],
      ['2026-02-20', 'PUBLIC_HOLIDAY'],
      ['2026-04-26', 'PUBLIC_HOLIDAY'],
      ['2026-04-27', 'COMPENSATORY'],
      ['2026-04-30', 'PUBLIC_HOLIDAY'],
      ['2026-05-01', 'PUBLIC_HOLIDAY'],
      ['2026-09-02', 'PUBLIC_HOLIDAY'],
      ['2026-09-03', 'PUBLIC_HOLIDAY'],
    ]);
    expect(days.find((d) => d.date === '2026-02-17')).toMatchObject({ nameVi: 'Tết Nguyên đán (mùng 1)', basis: 'BLLĐ 2019 Đ112.1.b' });
    expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({ basis: 'BLLĐ 2019 Đ111.3', nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  });

  it('2027: Tết (5–9 Feb) spans a weekend: two compensatory days 10 and 11 Feb; 1 May on Saturday gives Monday 3 May', () => {
    const days = defaultCalendarDays(2027);
    expect(days.filter((d) => d.kind === 'COMPENSATORY').map((d) => d.date)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
    const cal = workingCalendarOf([1, 2, 3, 4, 5], 2027, 2027, days);
    expect(cal.move('2027-02-06', 'NEXT_WORKING_DAY')).toEqual({ date: '2027-02-12', reason: { vi: 'Tết Nguyên đán (mùng 1)', en: 'Lunar New Year (day 1)' } });
  });

  it.each([
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
  ])('the National Day adjacent day of %i is the one announced (%s)', (year, date) => {
    expect(nationalDayAdjacent(year)).toBe(date);
  });

  it('every year has the eleven holiday days; compensatory days are working weekdays that were not holidays', () => {
    for (let year = 2024; year <= 2040; year += 1) {
      const holidays = publicHolidays(year);
      expect(holidays.length === 11 || holidays.length === 10).toBe(true); // 10 when Giỗ Tổ falls on 30 April
      for (const c of compensatoryDays(holidays, [1, 2, 3, 4, 5])) {
        expect(isoWeekday(c.date)).toBeLessThanOrEqual(5);
        expect(holidays.some((h) => h.date === c.date)).toBe(false);
      }
    }
  });

  it('a six-day week (Mon–Sat) gives compensatory days only for holidays on Sunday', () => {
    expect(compensatoryDays(publicHolidays(2027), [1, 2, 3, 4, 5, 6]).map((d) => d.date)).toEqual(['2027-02-10']);
  });
});
