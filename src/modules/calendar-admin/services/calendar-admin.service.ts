import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { type IsoWeekday, type LocalDate, daysBetween, isoWeekday, yearOf } from '../../../platform/dates/index.js';
import { DomainError, type FieldError } from '../../../platform/errors/index.js';
import { offsetOf, type Page, type PageQueryDto } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { DueDateMovesService, type DueDateMovesResult } from '../../loans/index.js';
import { type CalendarDay, defaultCalendarDays, workingCalendarOf } from '../../calendar/index.js';
import type {
  CalendarChangeDto,
  CalendarChangePreviewDto,
  CalendarChangeResultDto,
  CalendarDayDto,
  CalendarDayInputDto,
  CalendarYearDto,
  DayOffDto,
  SaveCalendarYearDto,
  WorkingWeekViewDto,
} from '../dto/calendar.dto.js';
import { CalendarService, type CalendarYear } from '../../calendar/index.js';

/** A proposed calendar: the working week and, for one year, its days (the other years as they are). */
interface Proposal {
  readonly weekdays: readonly IsoWeekday[];
  readonly year?: { readonly year: number; readonly days: readonly CalendarDay[] };
}

const SAMPLE = 100;

function dayDto(d: CalendarDay): CalendarDayDto {
  return { date: d.date, kind: d.kind, nameVi: d.nameVi, nameEn: d.nameEn, basis: d.basis, weekday: isoWeekday(d.date) };
}

/**
 * The admin side of the fund calendar (docs/working-days.md): each year's days confirmed or edited,
 * the working week, and before saving a preview of what the change moves. A saved change moves the
 * installments not yet billed (DueDateMovesService) in the same transaction as the calendar, its
 * change record and its audit event.
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly calendar: CalendarService,
    private readonly moves: DueDateMovesService,
    private readonly businessDate: BusinessDateService,
    private readonly audit: AuditService,
  ) {}

  async year(_actor: Actor, year: number): Promise<CalendarYearDto> {
    return this.yearView(this.tx.manager, year);
  }

  async workingWeek(_actor: Actor): Promise<WorkingWeekViewDto> {
    const [row] = (await this.tx.manager.query(`SELECT working_weekdays, updated_at FROM calendar_settings`)) as Array<{
      working_weekdays: number[];
      updated_at: Date;
    }>;
    return { workingWeekdays: [...row.working_weekdays].sort((a, b) => a - b), updatedAt: row.updated_at.toISOString() };
  }

  /** The days off in [from, to] with their reasons (weekends included), as the loans see them. */
  async daysOff(_actor: Actor, from: LocalDate, to: LocalDate): Promise<DayOffDto[]> {
    if (to < from || daysBetween(from, to) > 731) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: 'to', rule: 'range', message: 'to must be on or after from and at most 2 years later' },
      ]);
    }
    const cal = await this.calendar.workingCalendar(this.tx.manager, yearOf(from), yearOf(to));
    return cal.daysOffBetween(from, to).map((d) => ({ date: d.date, weekday: isoWeekday(d.date), reason: { vi: d.reason.vi, en: d.reason.en } }));
  }

  async changes(_actor: Actor, q: PageQueryDto): Promise<Page<CalendarChangeDto>> {
    const rows: ChangeRow[] = await this.tx.manager.query(
      `SELECT ${CHANGE_COLUMNS} FROM calendar_changes c JOIN users u ON u.id = c.created_by ORDER BY c.id DESC LIMIT $1 OFFSET $2`,
      [q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM calendar_changes`)) as Array<{ total: number }>;
    return { items: rows.map(toChange), page: q.page, pageSize: q.pageSize, total };
  }

  /** Dry run: what saving these days for the year would move, nothing written. */
  async previewYear(_actor: Actor, year: number, dto: SaveCalendarYearDto): Promise<CalendarChangePreviewDto> {
    const days = this.validDays(year, dto.days);
    return this.tx.run(async (m) => {
      const weekdays = await this.calendar.workingWeekdays(m);
      return this.preview(m, { weekdays, year: { year, days } });
    });
  }

  async previewWorkingWeek(_actor: Actor, weekdays: readonly number[]): Promise<CalendarChangePreviewDto> {
    return this.tx.run(async (m) => this.preview(m, { weekdays: this.validWeek(weekdays) }));
  }

  /** Saves the year's days (the admin's edit of the announced days) and moves what they move. */
  async saveYear(actor: Actor, year: number, dto: SaveCalendarYearDto): Promise<CalendarChangeResultDto> {
    const days = this.validDays(year, dto.days);
    return this.tx.run((m) => this.saveYearIn(m, actor, year, days, dto.note ?? null, 'calendar.year.save'));
  }

  /** Confirms the year's days as they stand (the law's, when not saved yet). */
  async confirmYear(actor: Actor, year: number, note: string | null): Promise<CalendarChangeResultDto> {
    this.validYear(year);
    return this.tx.run(async (m) => {
      const [current] = await this.calendar.years(m, year, year);
      return this.saveYearIn(m, actor, year, current.days, note ?? current.note, 'calendar.year.confirm');
    });
  }

  async saveWorkingWeek(actor: Actor, weekdays: readonly number[]): Promise<CalendarChangeResultDto> {
    const week = this.validWeek(weekdays);
    return this.tx.run(async (m) => {
      await m.query(`SELECT 1 FROM calendar_settings FOR UPDATE`);
      const before = await this.calendar.workingWeekdays(m);
      const applied = await this.applyChange(
        m,
        actor,
        { weekdays: week },
        { kind: 'WORKING_WEEK', year: null, before: { workingWeekdays: before }, after: { workingWeekdays: week } },
      );
      await m.query(`UPDATE calendar_settings SET working_weekdays = $1::int[], updated_by = $2, updated_at = now()`, [week, actor.userId]);
      await this.audit.record(m, actor, {
        action: 'calendar.working-week.save',
        entityType: 'calendar',
        entityId: 'working-week',
        before: { workingWeekdays: before },
        after: { workingWeekdays: week, loansMoved: applied.moved.loans, installmentsMoved: applied.moved.installments, changeId: applied.change.id },
      });
      return applied;
    });
  }

  private async saveYearIn(
    m: EntityManager,
    actor: Actor,
    year: number,
    days: readonly CalendarDay[],
    note: string | null,
    action: string,
  ): Promise<CalendarChangeResultDto> {
    // One calendar change at a time: each one's moves are computed from the calendar the previous one left.
    await m.query(`SELECT 1 FROM calendar_settings FOR UPDATE`);
    const weekdays = await this.calendar.workingWeekdays(m);
    const [before] = await this.calendar.years(m, year, year, weekdays);
    const applied = await this.applyChange(
      m,
      actor,
      { weekdays, year: { year, days } },
      { kind: 'YEAR', year, before: yearJson(before), after: { status: 'CONFIRMED', note, days } },
    );
    await m.query(
      `INSERT INTO calendar_years (year, confirmed_by, confirmed_at, note) VALUES ($1, $2, now(), $3)
       ON CONFLICT (year) DO UPDATE SET confirmed_by = EXCLUDED.confirmed_by, confirmed_at = now(), note = EXCLUDED.note`,
      [year, actor.userId, note],
    );
    // The year's rows are configuration, replaced whole; the change record and the audit event keep the old ones.
    await m.query(`DELETE FROM calendar_days WHERE year = $1`, [year]);
    if (days.length > 0) {
      await m.query(
        `INSERT INTO calendar_days (date, year, kind, name_vi, name_en, basis)
         SELECT d, $1, k, v, e, b FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(d, k, v, e, b)`,
        [year, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.nameVi), days.map((d) => d.nameEn), days.map((d) => d.basis)],
      );
    }
    await this.audit.record(m, actor, {
      action,
      entityType: 'calendar',
      entityId: String(year),
      before: yearJson(before),
      after: { status: 'CONFIRMED', note, days, loansMoved: applied.moved.loans, installmentsMoved: applied.moved.installments, changeId: applied.change.id },
    });
    return applied;
  }

  /** Records the change, then moves the installments it moves (on the open business date). */
  private async applyChange(
    m: EntityManager,
    actor: Actor,
    proposal: Proposal,
    record: { kind: 'YEAR' | 'WORKING_WEEK'; year: number | null; before: unknown; after: unknown },
  ): Promise<CalendarChangeResultDto> {
    const business = await this.businessDate.current(m);
    const [row] = (await m.query(
      `INSERT INTO calendar_changes (business_date, kind, year, before, after, loans_moved, installments_moved, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, 0, 0, $6) RETURNING id::text AS id`,
      [business, record.kind, record.year, JSON.stringify(record.before), JSON.stringify(record.after), actor.userId],
    )) as Array<{ id: string }>;
    const result = await this.run(m, business, proposal, row.id);
    await m.query(`UPDATE calendar_changes SET loans_moved = $2, installments_moved = $3 WHERE id = $1`, [row.id, result.loans, result.installments]);
    const [saved] = (await m.query(`SELECT ${CHANGE_COLUMNS} FROM calendar_changes c JOIN users u ON u.id = c.created_by WHERE c.id = $1`, [
      row.id,
    ])) as ChangeRow[];
    return { change: toChange(saved), moved: previewDto(business, result) };
  }

  private async preview(m: EntityManager, proposal: Proposal): Promise<CalendarChangePreviewDto> {
    const business = await this.businessDate.current(m);
    return previewDto(business, await this.run(m, business, proposal, null));
  }

  /** The moves from the calendar in force to the proposal, over the contractual dates still to come. */
  private async run(m: EntityManager, business: LocalDate, proposal: Proposal, changeId: string | null): Promise<DueDateMovesResult> {
    const range = await this.moves.pendingRange(m, business);
    if (!range) return { loans: 0, installments: 0, sample: [] };
    // A move may cross a year's end either way: the calendars cover one year more on each side.
    const fromYear = yearOf(range.from) - 1;
    const toYear = yearOf(range.to) + 1;
    const before = await this.calendar.workingCalendar(m, fromYear, toYear);
    const years = await this.calendar.years(m, fromYear, toYear, proposal.weekdays);
    const afterDays = years.flatMap((y: CalendarYear) => {
      if (proposal.year && y.year === proposal.year.year) return proposal.year.days;
      // A year not saved yet follows the law on the proposed week (its compensatory days depend on it).
      return y.status === 'GENERATED' ? defaultCalendarDays(y.year, proposal.weekdays) : y.days;
    });
    const after = workingCalendarOf(proposal.weekdays, fromYear, toYear, afterDays);
    return this.moves.apply(m, business, before, after, range, changeId, SAMPLE);
  }

  private async yearView(m: EntityManager, year: number): Promise<CalendarYearDto> {
    this.validYear(year);
    const weekdays = await this.calendar.workingWeekdays(m);
    const [y] = await this.calendar.years(m, year, year, weekdays);
    // Readers (officers, auditors) may not list users: the confirming user's name comes with the year.
    const [by] = y.confirmedBy ? ((await m.query(`SELECT display_name FROM users WHERE id = $1`, [y.confirmedBy])) as Array<{ display_name: string }>) : [];
    return {
      year,
      status: y.status,
      confirmedBy: y.confirmedBy,
      confirmedByName: by?.display_name ?? null,
      confirmedAt: y.confirmedAt,
      note: y.note,
      workingWeekdays: weekdays,
      days: y.days.map(dayDto),
      lawDays: defaultCalendarDays(year, weekdays).map(dayDto),
    };
  }

  private validYear(year: number): void {
    if (!Number.isInteger(year) || year < 1900 || year > 2199) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: 'year', rule: 'range', message: 'year must be a whole number from 1900 to 2199' },
      ]);
    }
  }

  private validWeek(weekdays: readonly number[]): IsoWeekday[] {
    return [...new Set(weekdays)].sort((a, b) => a - b) as IsoWeekday[];
  }

  /** Each day in the year, at most once. */
  private validDays(year: number, input: readonly CalendarDayInputDto[]): CalendarDay[] {
    this.validYear(year);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.forEach((d, k) => {
      if (yearOf(d.date) !== year) errors.push({ field: `days[${k}].date`, rule: 'inYear', message: `${d.date} is not in ${year}` });
      if (seen.has(d.date)) errors.push({ field: `days[${k}].date`, rule: 'unique', message: `${d.date} is listed twice` });
      seen.add(d.date);
    });
    if (errors.length > 0) throw new DomainError('REQUEST.VALIDATION_FAILED', { count: errors.length }, errors);
    return input
      .map((d) => ({ date: d.date, kind: d.kind, nameVi: d.nameVi.trim(), nameEn: d.nameEn.trim(), basis: d.basis?.trim() || 'Thông báo' }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}

interface ChangeRow {
  id: string;
  kind: string;
  year: number | null;
  business_date: string;
  loans_moved: number;
  installments_moved: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

const CHANGE_COLUMNS = `c.id::text, c.kind, c.year, c.business_date::text AS business_date, c.loans_moved, c.installments_moved,
  c.created_by::text AS created_by, u.display_name AS created_by_name, c.created_at`;

function toChange(r: ChangeRow): CalendarChangeDto {
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    businessDate: r.business_date,
    loansMoved: r.loans_moved,
    installmentsMoved: r.installments_moved,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

function yearJson(y: CalendarYear): unknown {
  return { status: y.status, note: y.note, days: y.days };
}

function previewDto(business: LocalDate, r: DueDateMovesResult): CalendarChangePreviewDto {
  return {
    businessDate: business,
    loans: r.loans,
    installments: r.installments,
    moves: r.sample.map((s) => ({ ...s })),
    truncated: r.installments > r.sample.length,
  };
}
