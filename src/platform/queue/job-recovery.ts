import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';

/**
 * design.md: PostgreSQL is the truth, Redis holds only queues. A job id derived from business data
 * alone (a date, a row id) is not unique across deployments: a database restored from a backup, or
 * re-created, meets a Redis that still remembers the earlier deployment's job with that id, and
 * BullMQ silently keeps the old (completed) job instead of adding the new one — the work never
 * runs. So every enqueue gets a fresh token, stored on the row that asked for the work.
 */
export function freshJobToken(): string {
  return `${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}

/** BullMQ custom ids may not contain ':'. */
export function runJobId(key: string, token: string): string {
  return `${key}_${token}`;
}

const LIVE = new Set(['waiting', 'waiting-children', 'active', 'delayed', 'prioritized']);

/** Whether the job exists in Redis and will still run (or is running); completed, failed or missing are not. */
export async function isJobLive(queue: Queue, jobId: string | null | undefined): Promise<boolean> {
  if (!jobId) return false;
  return LIVE.has(await queue.getJobState(jobId));
}

/**
 * Runs `sweep` at start and then every `everyMs` (never two at once): each module's sweep finds its
 * rows still QUEUED or RUNNING beyond QUEUE_SWEEP_AFTER_SECONDS without a live job and enqueues
 * them again under a fresh id. A failing sweep is logged and tried again at the next tick.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly logger: Logger;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly sweep: () => Promise<string[]>,
  ) {
    this.logger = new Logger(name);
  }

  /**
   * The sweep of queued work every half of QUEUE_SWEEP_AFTER_SECONDS (at least a second apart), so
   * work whose job was lost waits at most about one and a half times that bound.
   */
  static everyHalfOf(name: string, afterSeconds: number, sweep: () => Promise<string[]>): PeriodicSweep {
    return new PeriodicSweep(name, Math.max(1000, afterSeconds * 500), sweep);
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweep()
      .then((recovered) => {
        if (recovered.length > 0) this.logger.warn(`re-enqueued ${recovered.length} without a live job: ${recovered.join(', ')}`);
      })
      .catch((e: unknown) => this.logger.error(`sweep failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.running = null;
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** A table of queued work whose rows carry status, created_at, job_id and enqueued_at (migration 1763800000013). */
export type QueuedWorkTable = 'repayment_imports' | 'report_exports';

/**
 * The sweep of a table of queued work: every row QUEUED or RUNNING, enqueued longer than
 * `afterSeconds` ago, whose job is not live is given a fresh job id (compare-and-set, so two
 * sweepers add it once) and enqueued again by `add`. The work itself must be resumable.
 */
export async function sweepQueuedWork(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  queue: Queue,
  o: { table: QueuedWorkTable; afterSeconds: number; jobKey: (id: string) => string; add: (id: string, jobId: string) => Promise<unknown> },
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT id::text AS id, job_id FROM ${o.table} WHERE status IN ('QUEUED', 'RUNNING') AND coalesce(enqueued_at, created_at) < now() - make_interval(secs => $1) ORDER BY created_at`,
    [o.afterSeconds],
  )) as Array<{ id: string; job_id: string | null }>;
  const recovered: string[] = [];
  for (const r of rows) {
    if (await isJobLive(queue, r.job_id)) continue;
    const jobId = runJobId(o.jobKey(r.id), freshJobToken());
    const swapped = (await db.query(
      `WITH u AS (UPDATE ${o.table} SET job_id = $2, enqueued_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND job_id IS NOT DISTINCT FROM $3 RETURNING id) SELECT id FROM u`,
      [r.id, jobId, r.job_id],
    )) as unknown[];
    if (swapped.length === 0) continue;
    await o.add(r.id, jobId);
    recovered.push(`${o.table} ${r.id}`);
  }
  return recovered;
}
