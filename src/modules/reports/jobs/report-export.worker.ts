import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { redisConnectionOptions } from '../../../platform/queue/index.js';
import { ReportExportsService } from '../services/report-exports.service.js';
import { REPORT_EXPORT_QUEUE, type ReportExportJob } from './report-export-queue.js';

/** The export worker, started in the worker role only ('worker' or 'all'); the API enqueues. */
@Injectable()
export class ReportExportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportExports');
  private worker: Worker | null = null;

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
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
