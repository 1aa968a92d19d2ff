import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { freshJobToken, runJobId } from '../../../platform/queue/index.js';
import { JOB_PORTFOLIO_TOTALS, PORTFOLIO_TOTALS_QUEUE, type PortfolioTotalsJob } from '../jobs/reports-queues.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { ReplicaReads, SqlParams, returning } from '../../../platform/database/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CloseDaySteps, CloseOfBusinessService } from '../../close-of-business/index.js';
import { positionsCte } from '../../loans/index.js';
import { borrowerRegroupedSinceSql } from '../../borrowers/index.js';
import { AsOfService, BOOKED_LATE_SQL } from './as-of.service.js';
import { flowsCte } from './loan-flows.js';
import { keepTotalsSql } from './portfolio.sql.js';

/** The period the kept flows cover: the year to date of D, the report's default period (from 1 January, to = asOf). */
export function keptPeriodStart(day: LocalDate): LocalDate {
  return `${day.slice(0, 4)}-01-01`;
}

/** Whether `day` is the last day of its month (a month-end's totals stay for past reports). */
const MONTH_END_SQL = `(date_trunc('month', $1::date) + interval '1 month - 1 day')::date = $1::date`;

/**
 * The portfolio report's kept totals (migration 1763800000081; owner: reports): once the close
 * committed day D it enqueues a job (CloseDaySteps → PORTFOLIO_TOTALS_QUEUE) that sums every
 * loan's position as of D and flows of its year to date (positionsCte, flowsCte: right as of D
 * even after later bookings) per group of every grouping, so the report as of D reads tens to
 * thousands of rows instead of every loan, and the close does not pay for it. Derived data: the
 * latest closed day and every month-end are kept, other days are dropped when a later day is
 * kept. They answer a report only once written, while nothing has been booked with a value date
 * ≤ D since (BOOKED_LATE_SQL, the month-end snapshots' rule) and no borrower changed type or
 * commune since. A day whose job was lost (a crash between the close's commit and the enqueue) is
 * enqueued again by the worker's sweep (`sweep`).
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
    @InjectQueue(PORTFOLIO_TOTALS_QUEUE) private readonly queue: Queue<PortfolioTotalsJob>,
  ) {}

  onModuleInit(): void {
    this.steps.register('portfolio-totals', (closed) => this.enqueue(closed));
  }

  /**
   * The job keeping `day`: a fresh token per enqueue, so a database restored from a backup meets no
   * earlier job with its id; deduplicated per day while one waits or runs, so the close's step and
   * the sweeps of several workers add it once.
   */
  async enqueue(day: LocalDate): Promise<void> {
    const jobId = runJobId(`totals_${day}`, freshJobToken());
    await this.queue.add(
      JOB_PORTFOLIO_TOTALS,
      { day },
      {
        jobId,
        deduplication: { id: `totals_${day}` },
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: 1000,
        removeOnFail: 1000,
      },
    );
  }

  /**
   * The sweep (worker role, every half of QUEUE_SWEEP_AFTER_SECONDS): the days the report reads
   * kept totals for by default — the last closed day and the latest month-end — that the close
   * finished more than `afterSeconds` ago without their rows being kept (the job lost between the
   * close's commit and the enqueue, a Redis outage, a job failed three times) are enqueued again.
   * Returns what it enqueued.
   */
  async sweep(afterSeconds: number): Promise<string[]> {
    const lastClosed = addDays(await this.businessDate.current(), -1);
    const missing = (await this.dataSource.query(
      `SELECT d::date::text AS day FROM unnest(ARRAY[$1::date, (date_trunc('month', $1::date + 1) - interval '1 day')::date]) AS d
       WHERE NOT EXISTS (SELECT 1 FROM portfolio_totals_days k WHERE k.kept_date = d::date)
       GROUP BY d ORDER BY d`,
      [lastClosed],
    )) as Array<{ day: LocalDate }>;
    const enqueued: string[] = [];
    for (const { day } of missing) {
      if (!(await this.close.succeeded(day, afterSeconds))) continue;
      await this.enqueue(day);
      enqueued.push(`portfolio-totals ${day}`);
    }
    return enqueued;
  }

  /**
   * The job: keeps closed day `day` unless it is neither a month-end nor the last closed day (a
   * close over several days: only the latest and the month-ends stay), or a later day is already
   * kept (a retried job). Idempotent: the day's rows are replaced whole. Returns the rows kept, or
   * null when skipped.
   */
  async keepClosed(day: LocalDate): Promise<number | null> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      // One keeper at a time (several workers): the day's rows and the pruning of older days.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('portfolio_totals'))`);
      const lastClosed = addDays(await this.businessDate.current(m), -1);
      const [{ month_end, later }] = (await m.query(
        `SELECT ${MONTH_END_SQL} AS month_end, EXISTS (SELECT 1 FROM portfolio_totals_days WHERE kept_date > $1) AS later`,
        [day],
      )) as Array<{ month_end: boolean; later: boolean }>;
      if (day > lastClosed || (!month_end && (day < lastClosed || later))) return null;
      return this.keep(m, day, lastClosed, await this.close.succeeded(day));
    });
  }

  /**
   * Writes the totals of closed day `day` in the caller's transaction: positions as of the day,
   * flows of its year to date, summed per group of every grouping. Returns the rows kept.
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
    // written_at: the borrowers' type and commune are read as of now (validFor).
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

  /** Whether kept totals answer a report as of `day`: kept, nothing booked since with a value date ≤ day, no borrower regrouped since. */
  async validFor(day: LocalDate): Promise<boolean> {
    // A borrower whose type or commune changed since the rows were written is grouped otherwise than they hold.
    const [{ ok }] = (await this.replica.query(
      `SELECT coalesce((SELECT NOT ${borrowerRegroupedSinceSql('d.written_at')} FROM portfolio_totals_days d WHERE d.kept_date = $1), false)
              AND NOT ${BOOKED_LATE_SQL} AS ok`,
      [day],
    )) as Array<{ ok: boolean }>;
    return ok;
  }
}
