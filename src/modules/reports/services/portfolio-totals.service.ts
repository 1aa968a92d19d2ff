import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { ReplicaReads, SqlParams, returning } from '../../../platform/database/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CloseDaySteps, CloseOfBusinessService } from '../../close-of-business/index.js';
import { positionsCte } from '../../loans/index.js';
import { borrowerEditedSinceSql } from '../../borrowers/index.js';
import { AsOfService, BOOKED_LATE_SQL } from './as-of.service.js';
import { flowsCte } from './loan-flows.js';
import { keepTotalsSql } from './portfolio.sql.js';

/** The period the kept flows cover: the year to date of D, the report's default period (from 1 January, to = asOf). */
export function keptPeriodStart(day: LocalDate): LocalDate {
  return `${day.slice(0, 4)}-01-01`;
}

/**
 * The portfolio report's kept totals (migration 1763800000081; owner: reports). The close of day D
 * writes them in its finishing transaction (CloseDaySteps), from the same per-loan positions and
 * flows the report reads (positionsCte, flowsCte), so the report as of D reads tens to thousands of
 * rows instead of every loan. Derived data: the latest closed day and every month-end are kept,
 * other days are dropped when the next day is kept. They answer a report only while nothing has
 * been booked with a value date ≤ D since (BOOKED_LATE_SQL, the month-end snapshots' rule).
 */
@Injectable()
export class PortfolioTotalsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: ReplicaReads,
    private readonly asOfs: AsOfService,
    private readonly businessDate: BusinessDateService,
    private readonly close: CloseOfBusinessService,
    private readonly steps: CloseDaySteps,
  ) {}

  onModuleInit(): void {
    // The close has just marked D's run SUCCEEDED and advanced the date in `m`: D is the last closed day.
    this.steps.register('portfolio-totals', async (m, closed) => {
      await this.keep(m, closed, closed, true);
    });
  }

  /**
   * Writes the totals of closed day `day` in the caller's transaction: positions as of the day,
   * flows of its year to date, summed per dimension key and borrower. Returns the rows kept.
   */
  async keep(m: EntityManager, day: LocalDate, lastClosed: LocalDate, closeSucceeded: boolean): Promise<number> {
    const plan = await this.asOfs.planIn(m, day, lastClosed, closeSucceeded);
    const flowPlan = await this.asOfs.flowPlan(keptPeriodStart(day), day, lastClosed, m);
    const p = new SqlParams();
    const sql = keepTotalsSql(`${positionsCte(plan, p)}, ${flowsCte(flowPlan, p)}`, p.add(day));
    // Older days that are neither the latest nor a month-end go (derived data; the month-ends stay for past reports).
    await m.query(
      `DELETE FROM portfolio_totals_days
       WHERE kept_date = $1 OR (kept_date < $1 AND kept_date <> (date_trunc('month', kept_date) + interval '1 month - 1 day')::date)`,
      [day],
    );
    await m.query(`INSERT INTO portfolio_totals_days (kept_date) VALUES ($1)`, [day]);
    // As for the report: JIT costs more than it saves on this many-column aggregate.
    await m.query(`SET LOCAL jit = off`);
    await m.query(sql, p.values);
    const [{ n }] = await returning<{ n: number }>(
      m,
      `UPDATE portfolio_totals_days SET rows_kept = (SELECT count(*) FROM portfolio_totals WHERE kept_date = $1) WHERE kept_date = $1 RETURNING rows_kept AS n`,
      [day],
    );
    return n;
  }

  /** keep() for a closed day in its own transaction (the command line; the bench's loaded portfolio, which no close wrote). */
  async keepNow(day: LocalDate): Promise<number> {
    const lastClosed = addDays(await this.businessDate.current(), -1);
    if (day > lastClosed) throw new Error(`${day} is not closed yet (last closed ${lastClosed})`);
    const ok = await this.close.succeeded(day);
    return this.dataSource.transaction('READ COMMITTED', (m) => this.keep(m, day, lastClosed, ok));
  }

  /** Whether kept totals answer a report as of `day`: kept, nothing booked since with a value date ≤ day, no borrower edited since. */
  async validFor(day: LocalDate): Promise<boolean> {
    // A borrower edited since the rows were written may have another type or commune than they hold.
    const [{ ok }] = (await this.replica.query(
      `SELECT coalesce((SELECT NOT ${borrowerEditedSinceSql('d.written_at')} FROM portfolio_totals_days d WHERE d.kept_date = $1), false)
              AND NOT ${BOOKED_LATE_SQL} AS ok`,
      [day],
    )) as Array<{ ok: boolean }>;
    return ok;
  }
}
