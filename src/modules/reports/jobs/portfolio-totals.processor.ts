import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PortfolioTotalsService } from '../services/portfolio-totals.service.js';
import { PORTFOLIO_TOTALS_QUEUE, type PortfolioTotalsJob } from './reports-queues.js';

/**
 * Keeps the portfolio report's totals of a closed day, one day at a time in the order the close
 * finished them: worker role only ('worker' or 'all'; ReportsWorkerModule), the close enqueues.
 */
@Processor(PORTFOLIO_TOTALS_QUEUE, { concurrency: 1 })
export class PortfolioTotalsProcessor extends WorkerHost {
  private readonly logger = new Logger('PortfolioTotals');

  constructor(private readonly totals: PortfolioTotalsService) {
    super();
  }

  async process(job: Job<PortfolioTotalsJob>): Promise<number | null> {
    return this.totals.keepClosed(job.data.day);
  }

  @OnWorkerEvent('error')
  onWorkerError(e: Error): void {
    this.logger.error(`worker error: ${e.message}`);
  }
}
