import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { PeriodicSweep, redisConnectionOptions } from '../../../platform/queue/index.js';
import { ReportExportsService } from '../services/report-exports.service.js';
import { REPORT_EXPORT_QUEUE, type ReportExportJob } from './reports-queues.js';

/** The export worker and its sweep for exports whose job was lost, started in the worker role only ('worker' or 'all'); the API enqueues. */
@Injectable()
export class ReportExportWorker implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('ReportExports');
  private worker: Worker | null = null;
  private sweep: PeriodicSweep | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exports: ReportExportsService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(REPORT_EXPORT_QUEUE, (job: Job<ReportExportJob>) => this.exports.process(job.data.exportId, (pct) => job.updateProgress(pct)), {
      connection: redisConnectionOptions(this.config.redisUrl ?? ''),
      prefix: this.config.queuePrefix,
      concurrency: 1,
    });
    this.worker.on('error', (e) => this.logger.error(`worker error: ${e.message}`));
    const after = this.config.queueSweepAfterSeconds;
    this.sweep = new PeriodicSweep('ReportExportSweep', Math.max(1000, after * 500), () => this.exports.sweep(after));
    this.sweep.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
