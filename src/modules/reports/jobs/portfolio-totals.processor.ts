import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { PeriodicSweep } from '../../../platform/queue/index.js';
import { PortfolioTotalsService } from '../services/portfolio-totals.service.js';
import { PORTFOLIO_TOTALS_QUEUE, type PortfolioTotalsJob } from './reports-queues.js';

/**
 * Keeps the portfolio report's totals of a closed day, one day at a time in the order the close
 * finished them, and sweeps for closed days whose job was lost: worker role only ('worker' or
 * 'all'; ReportsWorkerModule), the close enqueues.
 */
@Processor(PORTFOLIO_TOTALS_QUEUE, { concurrency: 1 })
export class PortfolioTotalsProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PortfolioTotals');
  private sweep: PeriodicSweep | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly totals: PortfolioTotalsService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const after = this.config.queueSweepAfterSeconds;
    this.sweep = PeriodicSweep.everyHalfOf('PortfolioTotalsSweep', after, () => this.totals.sweep(after));
    this.sweep.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  async process(job: Job<PortfolioTotalsJob>): Promise<number | null> {
    return this.totals.keepClosed(job.data.day);
  }

  @OnWorkerEvent('error')
  onWorkerError(e: Error): void {
    this.logger.error(`worker error: ${e.message}`);
  }
}
