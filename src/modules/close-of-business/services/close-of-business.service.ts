import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, daysBetween, type LocalDate, wallClockDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { type Page, offsetOf } from '../../../platform/http/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { CloseOfBusinessErrors } from '../close-of-business.errors.js';
import type { CloseAcceptedDto, CloseChunkDto, CloseResultDto, CloseRunDetailDto, CloseRunDto, CloseRunsQueryDto } from '../dto/close-of-business.dto.js';
import { BusinessDateService } from '../../business-date/index.js';
import { type CloseTrigger, CloseFlowService } from './close-flow.service.js';

export type CloseResult = CloseResultDto;
export type CloseAnswer = { status: 200; body: CloseResultDto } | { status: 202; body: CloseAcceptedDto };

const POLL_MS = 50;

function accepted(runDate: LocalDate | null, until: LocalDate): CloseAnswer {
  return { status: 202, body: { runDate, until, location: runDate ? `/api/v1/close-of-business/runs/${runDate}` : null } };
}
const RUN_COLUMNS = `r.business_date::text AS business_date, r.status, r.until_date::text AS until_date, r.attempt, r.trigger, r.queued_at, r.started_at,
  r.finished_at, r.duration_ms, r.loans_total, r.chunks_total, r.errors,
  (SELECT coalesce(sum(c.loans_done) FILTER (WHERE c.status = 'DONE'), 0)::int FROM close_chunks c WHERE c.business_date = r.business_date) AS loans_done,
  (SELECT count(*) FILTER (WHERE c.status = 'DONE')::int FROM close_chunks c WHERE c.business_date = r.business_date) AS chunks_done,
  (SELECT count(*) FILTER (WHERE c.status = 'FAILED')::int FROM close_chunks c WHERE c.business_date = r.business_date) AS chunks_failed`;

interface RunRow {
  business_date: string;
  status: string;
  until_date: string;
  attempt: number;
  trigger: string;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  loans_total: number;
  loans_done: number;
  chunks_total: number;
  chunks_done: number;
  chunks_failed: number;
  errors: CloseRunDto['errors'];
}

const toRun = (r: RunRow): CloseRunDto => ({
  businessDate: r.business_date,
  status: r.status,
  until: r.until_date,
  attempt: r.attempt,
  trigger: r.trigger,
  queuedAt: r.queued_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
  durationMs: r.duration_ms,
  loansTotal: r.loans_total,
  loansDone: r.loans_done,
  chunksTotal: r.chunks_total,
  chunksDone: r.chunks_done,
  chunksFailed: r.chunks_failed,
  errors: r.errors,
});

/**
 * The operator's face of the close (README "Watching it"): start it (the API enqueues, the
 * workers close), wait for it, see its history and progress, retry a failed day.
 */
@Injectable()
export class CloseOfBusinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly businessDate: BusinessDateService,
    private readonly flow: CloseFlowService,
  ) {}

  /**
   * Closes every open day through `until`, in order; waits for the last one unless wait = 'false',
   * at most `maxWaitSeconds` (CLOSE_WAIT_TIMEOUT_SECONDS for HTTP): then it answers 202 with the run
   * still closing, as ?wait=false does, so no request hangs on a long or stuck close (the sweep
   * enqueues a stuck one again; the client follows the location).
   */
  async closeUntil(
    actor: Actor,
    until: LocalDate,
    wait: 'true' | 'false' = 'true',
    trigger: CloseTrigger = 'MANUAL',
    maxWaitSeconds: number = this.config.closeWaitTimeoutSeconds,
  ): Promise<CloseAnswer> {
    const today = wallClockDate(this.config.businessTimezone);
    if (until >= today && !this.config.allowFutureClose) {
      throw new DomainError(CloseOfBusinessErrors['CLOSE.DATE_NOT_ENDED'], { limit: addDays(today, -1), actual: until });
    }
    const start = await this.businessDate.current();
    const runDate = await this.flow.request(actor, until, trigger);
    if (wait === 'false') return accepted(runDate, until);
    const business = await this.waitFor(start, until, Date.now() + maxWaitSeconds * 1000);
    if (business === null) return accepted(await this.activeRunDate(), until);
    const closedDates = Array.from({ length: Math.max(0, daysBetween(start, business)) }, (_, i) => addDays(start, i));
    const [{ n }] = (await this.dataSource.query(
      `SELECT coalesce(sum(loans_done), 0)::int AS n FROM close_runs WHERE business_date >= $1 AND business_date < $2 AND status = 'SUCCEEDED'`,
      [start, business],
    )) as Array<{ n: number }>;
    return { status: 200, body: { closedDates, businessDate: business, loansProcessed: n } };
  }

  /**
   * Whether the close of `date` succeeded (every ACTIVE loan closed through it): the reports trust its
   * stored groups and provisions then. With `finishedSecondsAgo`, also that it finished at least that
   * long ago (the sweeps of work that follows a close leave the close's own enqueue time to act).
   */
  async succeeded(date: LocalDate, finishedSecondsAgo = 0): Promise<boolean> {
    const [{ ok }] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM close_runs WHERE business_date = $1 AND status = 'SUCCEEDED' AND ($2 = 0 OR finished_at < now() - make_interval(secs => $2))) AS ok`,
      [date, finishedSecondsAgo],
    )) as Array<{ ok: boolean }>;
    return ok;
  }

  /** The run closing now (chained days move it on while a request waits), else the open business date's. */
  private async activeRunDate(): Promise<LocalDate> {
    const [active] = (await this.dataSource.query(`SELECT business_date::text AS date FROM close_runs WHERE status IN ('QUEUED', 'RUNNING')`)) as Array<{
      date: string;
    }>;
    return active?.date ?? (await this.businessDate.current());
  }

  /** Polls the business date until it passes `until` (null at the deadline); a FAILED run in between is reported with its error. */
  private async waitFor(start: LocalDate, until: LocalDate, deadline: number): Promise<LocalDate | null> {
    for (;;) {
      const business = await this.businessDate.current();
      if (business > until) return business;
      const [failed] = (await this.dataSource.query(
        `SELECT business_date::text AS date, errors FROM close_runs WHERE business_date >= $1 AND business_date <= $2 AND status = 'FAILED' ORDER BY business_date LIMIT 1`,
        [start, until],
      )) as Array<{ date: string; errors: CloseRunDto['errors'] }>;
      if (failed) throw new DomainError(CloseOfBusinessErrors['CLOSE.RUN_FAILED'], { date: failed.date, error: failed.errors.at(-1)?.error ?? 'unknown' });
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async runs(_actor: Actor, q: CloseRunsQueryDto): Promise<Page<CloseRunDto>> {
    const rows = (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS}, count(*) OVER ()::int AS total FROM close_runs r WHERE ($1::text IS NULL OR r.status = $1)
       ORDER BY r.business_date DESC LIMIT $2 OFFSET $3`,
      [q.status ?? null, q.pageSize, offsetOf(q)],
    )) as Array<RunRow & { total: number }>;
    return { items: rows.map(toRun), page: q.page, pageSize: q.pageSize, total: rows[0]?.total ?? 0 };
  }

  async run(_actor: Actor, date: LocalDate): Promise<CloseRunDetailDto> {
    const [row] = (await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM close_runs r WHERE r.business_date = $1`, [date])) as RunRow[];
    if (!row) throw new DomainError(CloseOfBusinessErrors['CLOSE.RUN_NOT_FOUND'], { date });
    const chunks = (await this.dataSource.query(
      `SELECT chunk_no, borrower_from::text, borrower_to::text, loans, loans_done, status, attempts, error, duration_ms
       FROM close_chunks WHERE business_date = $1 ORDER BY chunk_no`,
      [date],
    )) as Array<{
      chunk_no: number;
      borrower_from: string;
      borrower_to: string | null;
      loans: number;
      loans_done: number;
      status: string;
      attempts: number;
      error: string | null;
      duration_ms: number | null;
    }>;
    const toChunk = (c: (typeof chunks)[number]): CloseChunkDto => ({
      chunkNo: c.chunk_no,
      borrowerFrom: c.borrower_from,
      borrowerTo: c.borrower_to,
      loans: c.loans,
      loansDone: c.loans_done,
      status: c.status,
      attempts: c.attempts,
      error: c.error,
      durationMs: c.duration_ms,
    });
    return { ...toRun(row), chunks: chunks.map(toChunk) };
  }

  /** Retries a FAILED run: its chunks not DONE run again (the DONE ones are kept), then the days through its target. */
  async retry(actor: Actor, date: LocalDate, wait: 'true' | 'false' = 'false'): Promise<CloseAnswer> {
    const run = await this.run(actor, date);
    if (run.status !== 'FAILED') throw new DomainError(CloseOfBusinessErrors['CLOSE.RUN_NOT_FAILED'], { date, status: run.status });
    return this.closeUntil(actor, run.until, wait, 'RETRY');
  }
}
