import { Injectable } from '@nestjs/common';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CloseOfBusinessService } from '../../close-of-business/index.js';
import {
  LOAN_COLUMNS,
  type LoanRow,
  type PositionPlan,
  type PositionSource,
  type ReplayedPosition,
  loanEngine,
  loanStore,
  termsOf,
} from '../../loans/index.js';
import { type ClassificationPolicy, ClassificationPoliciesService, DEFAULT_POLICIES } from '../../risk/index.js';
import { ReportErrors } from '../reports.errors.js';
import { FLOW_KINDS_SQL } from '../../ledger/index.js';
import type { FlowPlan } from './loan-flows.js';
import { ReplicaReads } from '../../../platform/database/index.js';
import type { EntityManager } from 'typeorm';

const REPLAY_BATCH = 500;

/**
 * Whether anything was booked after D with a value date ≤ D (a backdated money transaction or
 * reversal, a restructuring valued back): figures kept at the end of D (month-end snapshots, the
 * kept totals) no longer are D's. $1 = D.
 */
export const BOOKED_LATE_SQL = `(EXISTS (SELECT 1 FROM journal_transactions WHERE value_date <= $1 AND booking_date > $1 AND value_date < booking_date
                      AND kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL', 'WRITE_OFF'))
              OR EXISTS (SELECT 1 FROM loan_events WHERE kind = 'SCHEDULE_CHANGE' AND value_date <= $1 AND booking_date > $1))`;

/**
 * Decides how a report reads date D (see loan-positions.ts) and prepares what the SQL needs:
 * the classification policy in force on D and, outside snapshots, the engine-replayed penalty
 * interest of the loans that were ever late by D.
 */
@Injectable()
export class AsOfService {
  constructor(
    private readonly replica: ReplicaReads,
    private readonly businessDate: BusinessDateService,
    private readonly policies: ClassificationPoliciesService,
    private readonly close: CloseOfBusinessService,
  ) {}

  async lastClosedDate(): Promise<LocalDate> {
    return addDays(await this.businessDate.current(), -1);
  }

  /** asOf defaults to the last closed date; a later date has no figures yet. */
  async resolveDate(asOf: LocalDate | undefined): Promise<{ asOf: LocalDate; lastClosed: LocalDate }> {
    const lastClosed = await this.lastClosedDate();
    const date = asOf ?? lastClosed;
    if (date > lastClosed) throw new DomainError(ReportErrors['REPORT.AS_OF_NOT_CLOSED'], { actual: date, limit: lastClosed });
    return { asOf: date, lastClosed };
  }

  async plan(asOf: LocalDate, lastClosed: LocalDate, loanIds?: readonly string[]): Promise<PositionPlan> {
    const ok = await this.close.succeeded(asOf);
    return this.replica.withManager((m) => this.planIn(m, asOf, lastClosed, ok, loanIds));
  }

  /**
   * plan() on the caller's connection: the close's finishing step plans the day it is closing in
   * its own transaction (kept totals), where the run's success is not yet committed.
   */
  async planIn(m: EntityManager, asOf: LocalDate, lastClosed: LocalDate, closeSucceeded: boolean, loanIds?: readonly string[]): Promise<PositionPlan> {
    const policy = await this.policyIn(m, asOf);
    const source = await this.sourceIn(m, asOf, lastClosed);
    if (source === 'SNAPSHOT') return { asOf, source, policy, useStoredRisk: true, replayed: new Map(), loanIds };
    if (source === 'LIVE') {
      const cachedExcept = await this.notCached(m, asOf, closeSucceeded, loanIds);
      const replayed = cachedExcept.length > 0 ? await this.replayed(m, asOf, source, cachedExcept) : new Map<string, ReplayedPosition>();
      return { asOf, source, policy, useStoredRisk: closeSucceeded, replayed, loanIds, cachedExcept };
    }
    const replayed = await this.replayed(m, asOf, source, loanIds);
    return { asOf, source, policy, useStoredRisk: false, replayed, loanIds };
  }

  /** What a report as of D names as its source and policy, without preparing the per-loan SQL (the kept totals answer it). */
  async sourceAndPolicy(asOf: LocalDate, lastClosed: LocalDate): Promise<{ source: PositionSource; policy: ClassificationPolicy }> {
    return this.replica.withManager(async (m) => ({ source: await this.sourceIn(m, asOf, lastClosed), policy: await this.policyIn(m, asOf) }));
  }

  /**
   * How the period's flows are read (loan-flows.ts): from the counters when both ends are cheap —
   * `to` the last closed day (only the open day is valued later) or a snapshotted month-end, and
   * the day before `from` a snapshotted month-end or before any flow — else from the journal.
   */
  async flowPlan(from: LocalDate, to: LocalDate, lastClosed: LocalDate, m?: EntityManager): Promise<FlowPlan> {
    const beforeDate = addDays(from, -1);
    const db = m ?? this.replica;
    const [{ snap_before, flows_before, snap_to }] = (await db.query(
      `SELECT EXISTS (SELECT 1 FROM loan_snapshots WHERE snapshot_date = $1) AS snap_before,
              EXISTS (SELECT 1 FROM journal_transactions WHERE value_date <= $1 AND kind IN ${FLOW_KINDS_SQL}) AS flows_before,
              EXISTS (SELECT 1 FROM loan_snapshots WHERE snapshot_date = $2) AS snap_to`,
      [beforeDate, to],
    )) as Array<{ snap_before: boolean; flows_before: boolean; snap_to: boolean }>;
    const toEnd = to === lastClosed ? 'AFTER' : snap_to ? 'SNAPSHOT' : null;
    const before = !flows_before ? 'NONE' : snap_before ? 'SNAPSHOT' : null;
    return toEnd && before ? { from, to, counters: { to: toEnd, before, beforeDate } } : { from, to };
  }

  /**
   * The policy in force on D, the same lookup as the close's (risk ClassificationPoliciesService).
   * Before the first policy took effect (the start of the fund's records) nothing was lent, so the
   * report is empty and the first policy names the rules; were a loan valued before it, its group
   * could not be known: the close's CLASSIFICATION_POLICY.NONE_IN_FORCE (a 4xx).
   */
  async policyOn(date: LocalDate): Promise<ClassificationPolicy> {
    return this.replica.withManager((m) => this.policyIn(m, date));
  }

  private async policyIn(m: EntityManager, date: LocalDate): Promise<ClassificationPolicy> {
    try {
      return await this.policies.inForce(m, date);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'CLASSIFICATION_POLICY.NONE_IN_FORCE') throw e;
      const [{ lent }] = (await m.query(`SELECT EXISTS (SELECT 1 FROM loan_events WHERE value_date <= $1) AS lent`, [date])) as Array<{ lent: boolean }>;
      if (lent) throw e;
      return (await this.policies.first(m)) ?? DEFAULT_POLICIES[0];
    }
  }

  private async sourceIn(m: EntityManager, asOf: LocalDate, lastClosed: LocalDate): Promise<PositionSource> {
    const [{ snap, late }] = (await m.query(`SELECT EXISTS (SELECT 1 FROM loan_snapshots WHERE snapshot_date = $1) AS snap, ${BOOKED_LATE_SQL} AS late`, [
      asOf,
    ])) as Array<{ snap: boolean; late: boolean }>;
    if (snap && !late) return 'SNAPSHOT';
    return asOf === lastClosed ? 'LIVE' : 'RECONSTRUCTED';
  }

  /**
   * LIVE: the loans whose cached state is not their state at the end of D (see cachedPositionsCte):
   * an event (not reversed) valued after D — the open day's repayments and disbursements, a
   * restructuring — or written off; and, unless the close run of D succeeded (every ACTIVE loan
   * closed through D), ACTIVE loans not closed through D.
   */
  private async notCached(m: EntityManager, asOf: LocalDate, closeSucceeded: boolean, loanIds?: readonly string[]): Promise<string[]> {
    const rows: Array<{ loan_id: string }> = await m.query(
      `SELECT loan_id::text AS loan_id FROM loan_events WHERE value_date > $1 AND reversed_at IS NULL AND ($2::bigint[] IS NULL OR loan_id = ANY($2::bigint[]))
       UNION
       SELECT id::text FROM loans WHERE status = 'WRITTEN_OFF' AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
       UNION
       SELECT id::text FROM loans WHERE NOT $3 AND status = 'ACTIVE' AND last_closed_date IS DISTINCT FROM $1 AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [asOf, loanIds ?? null, closeSucceeded],
    );
    return rows.map((r) => r.loan_id);
  }

  /**
   * Loans the SQL cannot reconstruct alone on D: those that may owe penalty interest (an
   * installment due by D not fully paid by the end of its due date) and those restructured after D
   * (their installment rows already hold the new schedule). LIVE reads the stored numerators, so
   * it replays only the late ones with an event valued after D (the open day). One set-based
   * query picks them; the engine replays each from its terms and events, in batches.
   */
  private async replayed(m: EntityManager, asOf: LocalDate, source: PositionSource, loanIds?: readonly string[]): Promise<Map<string, ReplayedPosition>> {
    const rows: Array<{ loan_id: string }> = await m.query(
      `SELECT DISTINCT i.loan_id::text AS loan_id FROM loan_installments i
       WHERE NOT i.superseded AND i.billed AND i.due_date <= $1 AND ($3::bigint[] IS NULL OR i.loan_id = ANY($3::bigint[]))
         AND i.principal_due + coalesce(i.interest_due, 0) > coalesce((
               SELECT sum(a.amount) FROM loan_events e JOIN loan_event_allocations a ON a.event_id = e.id AND a.superseded_at IS NULL
               WHERE e.loan_id = i.loan_id AND e.kind = 'REPAYMENT' AND e.reversed_at IS NULL AND e.value_date <= i.due_date
                 AND a.installment_seq = i.seq AND a.component IN ('PRINCIPAL', 'INTEREST')), 0)
         AND (NOT $2 OR EXISTS (SELECT 1 FROM loan_events e WHERE e.loan_id = i.loan_id AND e.value_date > $1 AND e.reversed_at IS NULL))
       UNION
       SELECT loan_id::text FROM loan_events
       WHERE kind = 'SCHEDULE_CHANGE' AND reversed_at IS NULL AND value_date > $1 AND ($3::bigint[] IS NULL OR loan_id = ANY($3::bigint[]))`,
      [asOf, source === 'LIVE', loanIds ?? null],
    );
    const out = new Map<string, ReplayedPosition>();
    const ids = rows.map((r) => r.loan_id);
    for (let i = 0; i < ids.length; i += REPLAY_BATCH) {
      for (const [id, s] of await this.replaySummariesIn(m, ids.slice(i, i + REPLAY_BATCH), asOf)) {
        if (!s) continue;
        out.set(id, {
          overduePrincipal: s.overduePrincipal.toFixed(),
          overdueInterest: s.billedUnpaidInterest.toFixed(),
          penalty: s.overdueInterest.plus(s.lateInterest).toFixed(),
          dpd: s.daysPastDue,
        });
      }
    }
    return out;
  }

  /** The engine's summary of each loan at the end of D, from its terms and events alone. */
  async replaySummaries(ids: readonly string[], asOf: LocalDate): Promise<Map<string, loanEngine.LoanSummary | null>> {
    return this.replica.withManager((m) => this.replaySummariesIn(m, ids, asOf));
  }

  private async replaySummariesIn(m: EntityManager, ids: readonly string[], asOf: LocalDate): Promise<Map<string, loanEngine.LoanSummary | null>> {
    {
      const rows: LoanRow[] = await m.query(`SELECT ${LOAN_COLUMNS} FROM loans l WHERE l.id = ANY($1::bigint[])`, [ids]);
      const out = new Map<string, loanEngine.LoanSummary | null>();
      for (const row of rows) {
        const terms = termsOf(row);
        if (!terms || asOf < terms.startDate) {
          out.set(String(row.id), null);
          continue;
        }
        // loanStore.events is the loans module's own reading of events (restructurings included).
        const state = loanEngine.replay(terms, await loanStore.events(m, String(row.id)), asOf).state;
        out.set(String(row.id), loanEngine.loanSummary(state, asOf));
      }
      return out;
    }
  }
}
