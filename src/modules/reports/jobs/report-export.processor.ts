import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { PeriodicSweep } from '../../../platform/queue/index.js';
import { ReportExportsService } from '../services/report-exports.service.js';
import { REPORT_EXPORT_QUEUE, type ReportExportJob } from './reports-queues.js';

/**
 * The export jobs, one at a time, and the sweep for exports whose job was lost: worker role only
 * ('worker' or 'all'; ReportsWorkerModule), the API enqueues.
 */
@Processor(REPORT_EXPORT_QUEUE, { concurrency: 1 })
export class ReportExportProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReportExports');
  private sweep: PeriodicSweep | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exports: ReportExportsService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const after = this.config.queueSweepAfterSeconds;
    this.sweep = PeriodicSweep.everyHalfOf('ReportExportSweep', after, () => this.exports.sweep(after));
    this.sweep.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  process(job: Job<ReportExportJob>): Promise<unknown> {
    return this.exports.process(job.data.exportId, (pct) => job.updateProgress(pct));
  }

  @OnWorkerEvent('error')
  onWorkerError(e: Error): void {
    this.logger.error(`worker error: ${e.message}`);
  }
}
