import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { PeriodicSweep } from '../../../platform/queue/index.js';
import { CloseFlowService } from '../services/close-flow.service.js';
import { CLOSE_QUEUE, CLOSE_SCHEDULER_ID, JOB_SCHEDULED_CLOSE } from './close-of-business-queues.js';

/**
 * The nightly close's BullMQ job scheduler and the sweep for lost runs, in every worker-role
 * process ('worker' or 'all'), also one with CLOSE_WORKER_CONCURRENCY = 0 (which runs no close job).
 */
@Injectable()
export class CloseSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private sweep: PeriodicSweep | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(CLOSE_QUEUE) private readonly queue: Queue,
    private readonly flow: CloseFlowService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const c = this.config;
    if (c.closeScheduleEnabled) {
      // The close of day D starts once D has ended in BUSINESS_TIMEZONE (default 00:05 the next morning).
      await this.queue.upsertJobScheduler(
        CLOSE_SCHEDULER_ID,
        { pattern: c.closeScheduleCron, tz: c.businessTimezone },
        { name: JOB_SCHEDULED_CLOSE, data: {} },
      );
    } else {
      await this.queue.removeJobScheduler(CLOSE_SCHEDULER_ID);
    }
    // Every worker process sweeps (at start and every half of QUEUE_SWEEP_AFTER_SECONDS): a run
    // left QUEUED or RUNNING without a live flow is enqueued again (CloseFlowService.sweep).
    this.sweep = PeriodicSweep.everyHalfOf('CloseOfBusinessSweep', c.queueSweepAfterSeconds, () => this.flow.sweep());
    this.sweep.start();
  }

  /** Before the connections close (onApplicationShutdown of the database and queue modules). */
  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }
}
