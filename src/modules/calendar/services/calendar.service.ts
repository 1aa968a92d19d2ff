import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type IsoWeekday, type LocalDate, type WorkingCalendar } from '../../../platform/dates/index.js';
import { type CalendarDay, type CalendarDayKind, defaultCalendarDays, workingCalendarOf } from '../domain/public-holidays.js';

/** A year's days as the fund uses them: the admin's (CONFIRMED) or the law's default (GENERATED, not confirmed yet). */
export interface CalendarYear {
  readonly year: number;
  readonly status: 'GENERATED' | 'CONFIRMED';
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
  readonly note: string | null;
  readonly days: readonly CalendarDay[];
}

interface DayRow {
  date: string;
  year: number;
  kind: CalendarDayKind;
  name_vi: string;
  name_en: string;
  basis: string;
}

/**
 * The fund's calendar as the loans read it (docs/working-days.md): the working week and each
 * year's days off. A year the admin has not confirmed uses the days Labour Code 2019 Art. 112 and
 * Art. 111.3 give (computed, not stored), so a loan can be scheduled for any year.
 */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async workingWeekdays(m: EntityManager = this.dataSource.manager): Promise<IsoWeekday[]> {
    const [row] = (await m.query(`SELECT working_weekdays FROM calendar_settings`)) as Array<{ working_weekdays: number[] }>;
    return (row?.working_weekdays ?? [1, 2, 3, 4, 5]).map((d) => d as IsoWeekday).sort((a, b) => a - b);
  }

  /** The years [fromYear, toYear] as the fund uses them (stored or default). */
  async years(m: EntityManager, fromYear: number, toYear: number, weekdays?: readonly IsoWeekday[]): Promise<CalendarYear[]> {
    const week = weekdays ?? (await this.workingWeekdays(m));
    const stored: Array<{ year: number; confirmed_by: string | null; confirmed_at: Date; note: string | null }> = await m.query(
      `SELECT year, confirmed_by::text AS confirmed_by, confirmed_at, note FROM calendar_years WHERE year BETWEEN $1 AND $2`,
      [fromYear, toYear],
    );
    const days: DayRow[] = await m.query(
      `SELECT date::text AS date, year, kind, name_vi, name_en, basis FROM calendar_days WHERE year BETWEEN $1 AND $2 ORDER BY date`,
      [fromYear, toYear],
    );
    const out: CalendarYear[] = [];
    for (let year = fromYear; year <= toYear; year += 1) {
      const s = stored.find((r) => r.year === year);
      out.push(
        s
          ? {
              year,
              status: 'CONFIRMED',
              confirmedBy: s.confirmed_by,
              confirmedAt: s.confirmed_at.toISOString(),
              note: s.note,
              days: days.filter((d) => d.year === year).map((d) => ({ date: d.date, kind: d.kind, nameVi: d.name_vi, nameEn: d.name_en, basis: d.basis })),
            }
          : { year, status: 'GENERATED', confirmedBy: null, confirmedAt: null, note: null, days: defaultCalendarDays(year, week) },
      );
    }
    return out;
  }

  /** The WorkingCalendar (a value for the pure loan engine) covering the years [fromYear, toYear]. */
  async workingCalendar(m: EntityManager, fromYear: number, toYear: number): Promise<WorkingCalendar> {
    const week = await this.workingWeekdays(m);
    const years = await this.years(m, fromYear, toYear, week);
    return workingCalendarOf(
      week,
      fromYear,
      toYear,
      years.flatMap((y) => y.days),
    );
  }

  /** The calendar covering the dates [from, to] (whole years). */
  async workingCalendarFor(m: EntityManager, from: LocalDate, to: LocalDate): Promise<WorkingCalendar> {
    return this.workingCalendar(m, Number(from.slice(0, 4)), Number(to.slice(0, 4)));
  }
}
