import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowProducer, Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { freshJobToken, isJobLive } from '../../../platform/queue/index.js';
import { AuditService } from '../../audit/index.js';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/actor/index.js';
import {
  CLOSE_CHUNK_QUEUE,
  CLOSE_FLOW,
  CLOSE_QUEUE,
  type CloseChunkJob,
  JOB_CLOSE_CHUNK,
  JOB_CLOSE_DAY,
  chunkJobId,
  dayJobId,
} from '../jobs/close-of-business-queues.js';
import { returning } from '../../../platform/database/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { LoanCloseService } from '../../loans/index.js';
import { CloseChunkService } from './close-chunk.service.js';
import { CloseDaySteps } from './close-day-steps.service.js';

export type CloseTrigger = 'MANUAL' | 'SCHEDULED' | 'CLI' | 'CHAINED' | 'RETRY';

/** Every change of run state takes this transaction-scoped advisory lock: one planner at a time. */
const RUN_LOCK = 0x0c0b;
const KEEP_JOBS = { age: 14 * 24 * 3600, count: 5000 };

interface Planned {
  date: LocalDate;
  attempt: number;
  /** close_runs.job_token: the flow's job ids carry it (close-of-business-queues.ts). */
  token: string;
}

/**
 * The close as BullMQ flows (design.md "Jobs"). A run is one business date: its chunks (borrower-id
 * ranges of about CLOSE_CHUNK_SIZE ACTIVE loans) are child jobs of a `close-day` parent, which
 * advances the business date once every chunk is DONE and chains the next missed day, so days
 * close one by one, in order (domain.md "Close of business"). Run and chunk rows in PostgreSQL are
 * the truth the API shows; Redis only carries the work.
 */
@Injectable()
export class CloseFlowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectFlowProducer(CLOSE_FLOW) private readonly flows: FlowProducer,
    @InjectQueue(CLOSE_QUEUE) private readonly queue: Queue,
    @InjectQueue(CLOSE_CHUNK_QUEUE) private readonly chunkQueue: Queue,
    private readonly businessDate: BusinessDateService,
    private readonly chunks: CloseChunkService,
    private readonly loans: LoanCloseService,
    private readonly audit: AuditService,
    private readonly daySteps: CloseDaySteps,
  ) {}

  /**
   * Asks for every open day through `until` to be closed: extends the run in progress, or plans
   * the business date's run (a FAILED run of that date is retried, keeping its DONE chunks).
   * Returns the date of the run that is now active, or null when nothing is left to close.
   */
  async request(actor: Actor, until: LocalDate, trigger: CloseTrigger): Promise<LocalDate | null> {
    const planned = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [RUN_LOCK]);
      const [active] = await returning<{ date: LocalDate }>(
        m,
        `UPDATE close_runs SET until_date = greatest(until_date, $1) WHERE status IN ('QUEUED', 'RUNNING') RETURNING business_date::text AS date`,
        [until],
      );
      if (active) return { date: active.date, existing: true as const };
      const business = await this.businessDate.current(m);
      if (until < business) return null;
      return { ...(await this.plan(m, actor, business, until, trigger)), existing: false as const };
    });
    if (!planned) return null;
    // A run in progress whose job is gone (a crash between commit and enqueue, a flushed or
    // foreign Redis) is enqueued again here as by the sweep, once it is older than the bound.
    if (planned.existing) await this.sweep(planned.date);
    else await this.enqueue(planned);
    return planned.date;
  }

  /**
   * The runs QUEUED or RUNNING for longer than QUEUE_SWEEP_AFTER_SECONDS since they were enqueued
   * whose flow is not live in Redis — the parent job missing, completed or failed (an earlier
   * deployment's job under the same id, a lost job, a crash between commit and enqueue), or, while it
   * waits for its children, a chunk not DONE whose job is not live — are enqueued again under a fresh
   * token. The token is swapped by compare-and-set, so two sweepers enqueue a run once. Re-running
   * is safe: every chunk statement is guarded by last_closed_date (README "Idempotency").
   */
  async sweep(onlyDate?: LocalDate): Promise<string[]> {
    const stale = (await this.dataSource.query(
      `SELECT business_date::text AS date, attempt, job_token AS token FROM close_runs
       WHERE status IN ('QUEUED', 'RUNNING') AND ($1::date IS NULL OR business_date = $1)
         AND coalesce(enqueued_at, queued_at) < now() - make_interval(secs => $2)`,
      [onlyDate ?? null, this.config.queueSweepAfterSeconds],
    )) as Array<{ date: LocalDate; attempt: number; token: string | null }>;
    const recovered: string[] = [];
    for (const run of stale) {
      if (run.token && (await this.flowIsLive(run.date, run.attempt, run.token))) continue;
      const token = freshJobToken();
      const [swapped] = await returning<{ date: LocalDate }>(
        this.dataSource,
        `UPDATE close_runs SET job_token = $3, enqueued_at = now()
         WHERE business_date = $1 AND status IN ('QUEUED', 'RUNNING') AND job_token IS NOT DISTINCT FROM $2 RETURNING business_date::text AS date`,
        [run.date, run.token, token],
      );
      if (!swapped) continue;
      await this.enqueue({ date: run.date, attempt: run.attempt, token });
      recovered.push(`close-of-business ${run.date}`);
    }
    return recovered;
  }

  private async flowIsLive(date: LocalDate, attempt: number, token: string): Promise<boolean> {
    const parent = await this.queue.getJobState(dayJobId(date, attempt, token));
    if (parent !== 'waiting-children') return isJobLive(this.queue, dayJobId(date, attempt, token));
    const open = (await this.dataSource.query(`SELECT chunk_no FROM close_chunks WHERE business_date = $1 AND status <> 'DONE' ORDER BY chunk_no`, [
      date,
    ])) as Array<{
      chunk_no: number;
    }>;
    for (const c of open) if (!(await isJobLive(this.chunkQueue, chunkJobId(date, c.chunk_no, attempt, token)))) return false;
    return true;
  }

  /** Writes (or reopens) the run row and its chunks, inside the caller's locked transaction. */
  private async plan(m: EntityManager, actor: Actor, date: LocalDate, until: LocalDate, trigger: CloseTrigger): Promise<Planned> {
    const token = freshJobToken();
    const [run] = (await m.query(
      `INSERT INTO close_runs (business_date, status, until_date, trigger, requested_by, job_token, enqueued_at) VALUES ($1, 'QUEUED', $2, $3, $4, $5, now())
       ON CONFLICT (business_date) DO UPDATE SET status = 'QUEUED', until_date = greatest(close_runs.until_date, EXCLUDED.until_date),
         attempt = close_runs.attempt + 1, trigger = 'RETRY', requested_by = EXCLUDED.requested_by, queued_at = now(), finished_at = NULL,
         duration_ms = NULL, chunks_failed = 0, job_token = EXCLUDED.job_token, enqueued_at = now()
       RETURNING attempt`,
      [date, until, trigger, actor.userId, token],
    )) as Array<{ attempt: number }>;
    if (run.attempt > 1) {
      await m.query(`UPDATE close_chunks SET status = 'PENDING' WHERE business_date = $1 AND status <> 'DONE'`, [date]);
      return { date, attempt: run.attempt, token };
    }
    // Chunks by borrower id so the cross-loan rule sees each borrower whole (loans LoanCloseService).
    const groups = await this.loans.chunkGroups(m, this.config.closeChunkSize);
    const ranges = groups.length > 0 ? groups : [{ borrower_from: '0', loans: 0 }];
    await m.query(
      `INSERT INTO close_chunks (business_date, chunk_no, borrower_from, borrower_to, loans, status)
       SELECT $1, n - 1, f, t, c, 'PENDING' FROM unnest($2::bigint[], $3::bigint[], $4::int[]) WITH ORDINALITY AS x(f, t, c, n)`,
      [date, ranges.map((r, i) => (i === 0 ? '0' : r.borrower_from)), ranges.map((_, i) => ranges[i + 1]?.borrower_from ?? null), ranges.map((r) => r.loans)],
    );
    await m.query(`UPDATE close_runs SET loans_total = $2, chunks_total = $3 WHERE business_date = $1`, [
      date,
      ranges.reduce((a, r) => a + r.loans, 0),
      ranges.length,
    ]);
    return { date, attempt: 1, token };
  }

  private async enqueue({ date, attempt, token }: Planned): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT chunk_no, borrower_from::text AS f, borrower_to::text AS t FROM close_chunks WHERE business_date = $1 AND status <> 'DONE' ORDER BY chunk_no`,
      [date],
    )) as Array<{ chunk_no: number; f: string; t: string | null }>;
    await this.flows.add({
      name: JOB_CLOSE_DAY,
      queueName: CLOSE_QUEUE,
      data: { date },
      opts: { jobId: dayJobId(date, attempt, token), removeOnComplete: KEEP_JOBS, removeOnFail: KEEP_JOBS },
      children: rows.map((c) => ({
        name: JOB_CLOSE_CHUNK,
        queueName: CLOSE_CHUNK_QUEUE,
        data: { date, chunkNo: c.chunk_no, from: c.f, to: c.t } satisfies CloseChunkJob,
        opts: {
          jobId: chunkJobId(date, c.chunk_no, attempt, token),
          attempts: this.config.closeChunkAttempts,
          backoff: { type: 'exponential', delay: 500 },
          failParentOnFailure: true,
          removeOnComplete: KEEP_JOBS,
          removeOnFail: KEEP_JOBS,
        },
      })),
    });
  }

  /**
   * The parent job: every chunk DONE → close the late-comers (loans disbursed into a range whose
   * chunk had already run), advance the business date, record the run, chain the next day; once
   * committed, the steps other modules registered (CloseDaySteps: the reports' kept totals job).
   * Idempotent: a parent re-run after the date advanced changes nothing.
   */
  async finishDay(date: LocalDate): Promise<void> {
    const [{ open }] = (await this.dataSource.query(`SELECT count(*) FILTER (WHERE status <> 'DONE')::int AS open FROM close_chunks WHERE business_date = $1`, [
      date,
    ])) as Array<{ open: number }>;
    if (open > 0) throw new Error(`${open} chunk(s) of ${date} are not done`);
    const late = await this.loans.borrowersBehind(this.dataSource.manager, date);
    for (const b of late) await this.chunks.run(SYSTEM_ACTOR, { date, chunkNo: -1, from: b, to: String(BigInt(b) + 1n) });
    const next = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [RUN_LOCK]);
      const [run] = await returning<{ until: string; loans_done: number; duration_ms: number }>(
        m,
        `UPDATE close_runs r SET status = 'SUCCEEDED', finished_at = now(),
                duration_ms = (extract(epoch FROM now() - coalesce(r.started_at, r.queued_at)) * 1000)::int,
                loans_done = (SELECT coalesce(sum(loans_done), 0) FROM close_chunks c WHERE c.business_date = r.business_date), chunks_failed = 0
         WHERE r.business_date = $1 AND r.status IN ('QUEUED', 'RUNNING')
         RETURNING until_date::text AS until, loans_done, duration_ms`,
        [date],
      );
      if (!run) return null;
      await this.businessDate.advance(m, date);
      await this.audit.record(m, SYSTEM_ACTOR, {
        action: 'close-of-business.day',
        entityType: 'business_date',
        entityId: date,
        after: { closed: date, businessDate: addDays(date, 1), loans: run.loans_done, lateLoans: late.length, durationMs: run.duration_ms },
      });
      // The chains' heads, this close's event included, where truncating audit_events cannot reach (AuditService.verify).
      await m.query(`UPDATE close_runs SET audit_anchor = $2::jsonb WHERE business_date = $1`, [date, JSON.stringify(await this.audit.heads(m))]);
      return { next: run.until > date ? await this.plan(m, SYSTEM_ACTOR, addDays(date, 1), run.until, 'CHAINED') : null };
    });
    if (!next) return;
    if (next.next) await this.enqueue(next.next);
    // The other modules' steps for the closed day (the reports' kept totals job), outside the day's transaction.
    await this.daySteps.run(date);
  }

  /** Bookkeeping around a chunk job: RUNNING before, FAILED (and the run FAILED on the last attempt) after an error. */
  async chunkStarted(job: CloseChunkJob): Promise<boolean> {
    const rows = await returning<{ chunk_no: number }>(
      this.dataSource,
      `UPDATE close_chunks SET status = 'RUNNING', attempts = attempts + 1, started_at = now(), error = NULL
       WHERE business_date = $1 AND chunk_no = $2 AND status <> 'DONE' RETURNING chunk_no`,
      [job.date, job.chunkNo],
    );
    await this.dataSource.query(
      `UPDATE close_runs SET status = 'RUNNING', started_at = coalesce(started_at, now()) WHERE business_date = $1 AND status = 'QUEUED'`,
      [job.date],
    );
    return rows.length > 0;
  }

  async chunkFailed(job: CloseChunkJob, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(`UPDATE close_chunks SET status = 'FAILED', error = $3, finished_at = now() WHERE business_date = $1 AND chunk_no = $2`, [
      job.date,
      job.chunkNo,
      error.slice(0, 2000),
    ]);
    if (!final) return;
    await this.dataSource.query(
      `UPDATE close_runs r SET status = 'FAILED', finished_at = now(),
              chunks_failed = (SELECT count(*) FROM close_chunks c WHERE c.business_date = r.business_date AND c.status = 'FAILED'),
              errors = r.errors || jsonb_build_array(jsonb_build_object('chunk', $2::int, 'error', $3::text, 'at', now()))
       WHERE r.business_date = $1 AND r.status IN ('QUEUED', 'RUNNING')`,
      [job.date, job.chunkNo, error.slice(0, 2000)],
    );
  }

  /** The parent job itself failed (not a chunk): the run is FAILED, visible with its error, retryable. */
  async dayFailed(date: LocalDate, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE close_runs r SET status = 'FAILED', finished_at = now(),
              errors = r.errors || jsonb_build_array(jsonb_build_object('chunk', null, 'error', $2::text, 'at', now()))
       WHERE r.business_date = $1 AND r.status IN ('QUEUED', 'RUNNING')`,
      [date, error.slice(0, 2000)],
    );
  }
}
