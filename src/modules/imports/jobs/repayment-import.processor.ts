import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { PeriodicSweep } from '../../../platform/queue/index.js';
import { RepaymentImportsService } from '../services/repayment-imports.service.js';
import { REPAYMENT_IMPORT_QUEUE } from './imports-queues.js';

/** Runs in the worker (and in `all`); each job is one uploaded statement. The worker also sweeps for imports whose job was lost. */
@Processor(REPAYMENT_IMPORT_QUEUE)
export class RepaymentImportProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private sweep: PeriodicSweep | null = null;

  constructor(
    private readonly imports: RepaymentImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const after = this.config.queueSweepAfterSeconds;
    this.sweep = PeriodicSweep.everyHalfOf('RepaymentImportSweep', after, () => this.imports.sweep(after));
    this.sweep.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  async process(job: Job<{ importId: string }>): Promise<void> {
    try {
      await this.imports.run(job.data.importId, (percent) => job.updateProgress(percent));
    } catch (e) {
      // The last attempt leaves the failure visible on the import; earlier ones retry (finished lines are kept).
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.imports.fail(job.data.importId, e instanceof Error ? e.message : String(e));
      throw e;
    }
  }
}
