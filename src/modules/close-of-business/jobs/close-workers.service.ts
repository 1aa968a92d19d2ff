import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, wallClockDate } from '../../../platform/dates/index.js';
import { PeriodicSweep, redisConnectionOptions } from '../../../platform/queue/index.js';
import { SYSTEM_ACTOR } from '../../../platform/actor/index.js';
import { CloseChunkService } from '../services/close-chunk.service.js';
import { CloseFlowService } from '../services/close-flow.service.js';
import {
  CLOSE_CHUNK_QUEUE,
  CLOSE_QUEUE,
  CLOSE_SCHEDULER_ID,
  type CloseChunkJob,
  type CloseDayJob,
  JOB_CLOSE_CHUNK,
  JOB_CLOSE_DAY,
  JOB_SCHEDULED_CLOSE,
} from './close-of-business-queues.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The close's BullMQ workers and its nightly scheduler, started only in the worker role ('worker'
 * or 'all'; the API only enqueues). CLOSE_WORKER_CONCURRENCY = 0 starts none in this process.
 */
@Injectable()
export class CloseWorkersService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('CloseOfBusiness');
  private readonly workers: Worker[] = [];
  private sweep: PeriodicSweep | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(CLOSE_QUEUE) private readonly queue: Queue,
    private readonly flow: CloseFlowService,
    private readonly chunks: CloseChunkService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const c = this.config;
    if (c.closeScheduleEnabled) {
      // The close of day D starts once D has ended in BUSINESS_TIMEZONE (default 00:05 the next morning).
      await this.queue.upsertJobScheduler(CLOSE_SCHEDULER_ID, { pattern: c.closeScheduleCron, tz: c.businessTimezone }, { name: JOB_SCHEDULED_CLOSE, data: {} });
    } else {
      await this.queue.removeJobScheduler(CLOSE_SCHEDULER_ID);
    }
    // Every worker process sweeps (at start and every half of QUEUE_SWEEP_AFTER_SECONDS): a run
    // left QUEUED or RUNNING without a live flow is enqueued again (CloseFlowService.sweep).
    this.sweep = new PeriodicSweep('CloseOfBusinessSweep', Math.max(1000, c.queueSweepAfterSeconds * 500), () => this.flow.sweep());
    this.sweep.start();
    if (c.closeWorkerConcurrency === 0) return;
    const common = {
      connection: redisConnectionOptions(c.redisUrl ?? ''),
      prefix: c.queuePrefix,
      lockDuration: c.closeJobLockMs,
      stalledInterval: Math.max(1000, Math.floor(c.closeJobLockMs / 2)),
      maxStalledCount: 2,
    };
    this.workers.push(
      new Worker(CLOSE_CHUNK_QUEUE, (job: Job<CloseChunkJob>) => this.chunk(job), { ...common, concurrency: c.closeWorkerConcurrency }),
      new Worker(CLOSE_QUEUE, (job: Job<CloseDayJob>) => this.day(job), { ...common, concurrency: 1 }),
    );
    for (const w of this.workers) w.on('error', (e) => this.logger.error(`worker error: ${message(e)}`));
  }

  /** Before the connections close (onApplicationShutdown of the database and queue modules). */
  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private async chunk(job: Job<CloseChunkJob>): Promise<number> {
    if (job.name !== JOB_CLOSE_CHUNK) throw new UnrecoverableError(`unknown job ${job.name}`);
    if (!(await this.flow.chunkStarted(job.data))) return 0; // already DONE (a re-added flow)
    try {
      return await this.chunks.run(SYSTEM_ACTOR, job.data);
    } catch (e) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error(`chunk ${job.data.date}#${job.data.chunkNo} failed (attempt ${job.attemptsMade + 1}): ${message(e)}`);
      await this.flow.chunkFailed(job.data, message(e), final);
      throw e;
    }
  }

  private async day(job: Job<CloseDayJob>): Promise<void> {
    if (job.name === JOB_SCHEDULED_CLOSE) {
      await this.flow.request(SYSTEM_ACTOR, addDays(wallClockDate(this.config.businessTimezone), -1), 'SCHEDULED');
      return;
    }
    if (job.name !== JOB_CLOSE_DAY) throw new UnrecoverableError(`unknown job ${job.name}`);
    try {
      await this.flow.finishDay(job.data.date);
    } catch (e) {
      await this.flow.dayFailed(job.data.date, message(e));
      throw e;
    }
  }
}
