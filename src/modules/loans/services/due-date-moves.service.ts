import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BusinessDayRule, type LocalDate, type WorkingCalendar, addDays } from '../../../platform/dates/index.js';

/** One installment a calendar change moves. */
export interface PlannedDueDateMove {
  readonly loanId: string;
  readonly contractNumber: string;
  readonly seq: number;
  readonly contractualDate: LocalDate;
  readonly fromDate: LocalDate;
  readonly toDate: LocalDate;
  readonly reason: { vi: string; en: string } | null;
}

export interface DueDateMovesResult {
  readonly loans: number;
  readonly installments: number;
  /** The first moves in loan and installment order (at most `sampleSize`). */
  readonly sample: readonly PlannedDueDateMove[];
}

const MOVING_RULES: readonly BusinessDayRule[] = ['NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'];

/**
 * A change of the fund calendar reaching the loans (docs/working-days.md), set-based: for every
 * contractual date that is a day off under the old or the new calendar, the date each moving rule
 * gives on the new calendar (never on or before the open business date X: then the first working
 * day after X); every ACTIVE loan's installment not yet billed and due after X whose date differs
 * moves, and each loan gets one DUE_DATE_CHANGE event valued X (loan_due_date_changes), which the
 * engine replays with the same result (working-days.ts dueDateChangeFor / applyDueDateChange).
 */
@Injectable()
export class DueDateMovesService {
  /** The contractual dates of the installments a change on X could move, or null when there are none. */
  async pendingRange(m: EntityManager, businessDate: LocalDate): Promise<{ from: LocalDate; to: LocalDate } | null> {
    const [r] = (await m.query(
      `SELECT min(coalesce(i.contractual_date, i.due_date))::text AS "from", max(greatest(i.due_date, coalesce(i.contractual_date, i.due_date)))::text AS "to"
       FROM loan_installments i JOIN loans l ON l.id = i.loan_id
       WHERE l.status = 'ACTIVE' AND l.business_day_rule <> 'NONE' AND NOT i.superseded AND NOT i.billed AND i.due_date > $1`,
      [businessDate],
    )) as Array<{ from: string | null; to: string | null }>;
    return r?.from && r.to ? { from: r.from < businessDate ? r.from : businessDate, to: r.to } : null;
  }

  /**
   * Moves (or, with `calendarChangeId` null, only counts: the dry run) what the change from
   * `before` to `after` moves on business date X. Both calendars must cover `range`.
   */
  async apply(
    m: EntityManager,
    businessDate: LocalDate,
    before: WorkingCalendar,
    after: WorkingCalendar,
    range: { from: LocalDate; to: LocalDate },
    calendarChangeId: string | null,
    sampleSize = 100,
  ): Promise<DueDateMovesResult> {
    const earliest = addDays(businessDate, 1);
    const map = { rule: [] as string[], date: [] as string[], target: [] as string[], vi: [] as Array<string | null>, en: [] as Array<string | null> };
    for (let c = range.from; c <= range.to; c = addDays(c, 1)) {
      const reason = after.reasonOff(c);
      if (reason === null && before.reasonOff(c) === null) continue;
      for (const rule of MOVING_RULES) {
        const moved = after.move(c, rule).date;
        const target = moved < earliest ? after.move(earliest, 'NEXT_WORKING_DAY').date : moved;
        const why = target === c ? null : (reason ?? after.reasonOff(c));
        map.rule.push(rule);
        map.date.push(c);
        map.target.push(target);
        map.vi.push(why?.vi ?? null);
        map.en.push(why?.en ?? null);
      }
    }
    if (map.date.length === 0) return { loans: 0, installments: 0, sample: [] };
    const params = [businessDate, map.rule, map.date, map.target, map.vi, map.en];
    const hit = `
      map AS (SELECT * FROM unnest($2::text[], $3::date[], $4::date[], $5::text[], $6::text[]) AS t(rule, c, target, reason_vi, reason_en)),
      hit AS (
        SELECT i.loan_id, l.contract_number, i.seq, map.c, i.due_date, map.target, map.reason_vi, map.reason_en
        FROM loan_installments i JOIN loans l ON l.id = i.loan_id
        JOIN map ON map.rule = l.business_day_rule AND map.c = coalesce(i.contractual_date, i.due_date)
        WHERE l.status = 'ACTIVE' AND l.business_day_rule <> 'NONE' AND NOT i.superseded AND NOT i.billed AND i.due_date > $1
          AND (i.due_date <> map.target OR i.move_reason_vi IS DISTINCT FROM map.reason_vi))`;
    const [counts] = (await m.query(`WITH ${hit} SELECT count(DISTINCT loan_id)::int AS loans, count(*)::int AS installments FROM hit`, params)) as Array<{
      loans: number;
      installments: number;
    }>;
    const sampleRows: Array<{
      loan_id: string;
      contract_number: string;
      seq: number;
      c: string;
      due_date: string;
      target: string;
      reason_vi: string | null;
      reason_en: string | null;
    }> = await m.query(
      `WITH ${hit} SELECT loan_id::text, contract_number, seq, c::text, due_date::text, target::text, reason_vi, reason_en FROM hit ORDER BY loan_id, seq LIMIT $7`,
      [...params, sampleSize],
    );
    const sample = sampleRows.map((r) => ({
      loanId: r.loan_id,
      contractNumber: r.contract_number,
      seq: r.seq,
      contractualDate: r.c,
      fromDate: r.due_date,
      toDate: r.target,
      reason: r.reason_vi === null ? null : { vi: r.reason_vi, en: r.reason_en ?? r.reason_vi },
    }));
    if (calendarChangeId === null || counts.installments === 0) return { ...counts, sample };

    // The loans' rows are locked first (in id order) so a money movement on one of them waits, then sees the new dates.
    await m.query(`WITH ${hit} SELECT l.id FROM loans l WHERE l.id IN (SELECT loan_id FROM hit) ORDER BY l.id FOR UPDATE OF l`, params);
    const [done] = (await m.query(
      `WITH ${hit},
       upd AS (
         UPDATE loan_installments i SET due_date = h.target, contractual_date = CASE WHEN h.target = h.c THEN NULL ELSE h.c END,
                move_reason_vi = h.reason_vi, move_reason_en = h.reason_en
         FROM hit h WHERE i.loan_id = h.loan_id AND i.seq = h.seq AND NOT i.superseded
         RETURNING i.loan_id, i.seq, h.c, h.target, h.reason_vi, h.reason_en
       ),
       ev AS (
         INSERT INTO loan_due_date_changes (id, loan_id, calendar_change_id, value_date, moves)
         SELECT nextval(pg_get_serial_sequence('loan_events', 'id')), loan_id, $7::bigint, $1::date,
                jsonb_agg(jsonb_build_object('contractualDate', c, 'dueDate', target,
                  'reason', CASE WHEN reason_vi IS NULL THEN NULL ELSE jsonb_build_object('vi', reason_vi, 'en', reason_en) END) ORDER BY seq)
         FROM upd GROUP BY loan_id
         RETURNING loan_id
       ),
       mat AS (
         -- The maturity as it stands follows a moved last installment.
         UPDATE loans l SET maturity_date = u.target, updated_at = now()
         FROM upd u WHERE l.id = u.loan_id AND u.seq = (SELECT max(seq) FROM loan_installments x WHERE x.loan_id = u.loan_id AND NOT x.superseded)
         RETURNING l.id
       )
       SELECT (SELECT count(*) FROM ev)::int AS loans, (SELECT count(*) FROM upd)::int AS installments, (SELECT count(*) FROM mat)::int AS maturities`,
      [...params, calendarChangeId],
    )) as Array<{ loans: number; installments: number }>;
    return { loans: done.loans, installments: done.installments, sample };
  }
}
