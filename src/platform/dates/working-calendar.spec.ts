import { describe, it, expect } from '@jest/globals';
import { CalendarRangeError, WorkingCalendar, isoWeekday } from './working-calendar.js';

describe('WorkingCalendar', () => {
  const cal = new WorkingCalendar(
    [1, 2, 3, 4, 5],
    [{ date: '2026-04-30', reason: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' } }],
    { from: '2026-01-01', to: '2026-12-31' },
    ['2026-04-25'],
  );

  it.each([
    ['2026-01-01', 4],
    ['2026-02-15', 7],
    ['2026-02-23', 1],
    ['2027-02-06', 6],
  ] as const)('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-04-29', 'NEXT_WORKING_DAY', '2026-04-29'],
    ['2026-04-30', 'NONE', '2026-04-30'],
    ['2026-04-30', 'NEXT_WORKING_DAY', '2026-05-01'],
    ['2026-04-30', 'PREVIOUS_WORKING_DAY', '2026-04-29'],
    ['2026-05-02', 'NEXT_WORKING_DAY', '2026-05-04'],
    ['2026-05-02', 'PREVIOUS_WORKING_DAY', '2026-05-01'],
    // Saturday 25 Apr announced as a working day (làm bù)
    ['2026-04-26', 'PREVIOUS_WORKING_DAY', '2026-04-25'],
  ] as const)('%s under %s → %s', (date, rule, expected) => {
    expect(cal.move(date, rule).date).toBe(expected);
  });

  it('names the holiday before the weekday, and refuses dates it does not cover', () => {
    expect(cal.reasonOff('2026-04-30')).toEqual({ vi: 'Ngày Chiến thắng', en: 'Reunification Day' });
    expect(cal.reasonOff('2026-05-03')).toEqual({ vi: 'Chủ Nhật', en: 'Sunday' });
    expect(() => cal.isWorkingDay('2027-01-01')).toThrow(CalendarRangeError);
    expect(WorkingCalendar.EVERY_DAY.move('2026-05-03', 'NEXT_WORKING_DAY').date).toBe('2026-05-03');
  });
});
