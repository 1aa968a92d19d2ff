import { LunarDate } from '@nghiavuive/lunar_date_vi';
import { formatLocalDate, type LocalDate } from '../../../platform/dates/index.js';

/**
 * The Vietnamese lunar calendar (âm lịch, computed for UTC+7) from @nghiavuive/lunar_date_vi,
 * Hồ Ngọc Đức's algorithm. It is the Vietnamese calendar, not the Chinese one (UTC+8): Tết 1985
 * is 21 January here (20 February in China) and Tết 2007 is 17 February (18 February in China);
 * lunar.spec.ts pins those and the years the fund generates.
 */
export function solarDateOfLunar(year: number, month: number, day: number): LocalDate {
  const lunar = new LunarDate({ day, month, year, leap_month: false });
  lunar.init();
  const solar = lunar.toSolarDate().get();
  return formatLocalDate(solar.year, solar.month, solar.day);
}

/** Mùng 1 Tết: the first day of lunar year `year` (falls in January or February of the same Gregorian year). */
export function lunarNewYear(year: number): LocalDate {
  return solarDateOfLunar(year, 1, 1);
}
