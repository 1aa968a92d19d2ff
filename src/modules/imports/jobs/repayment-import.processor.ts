import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { REPAYMENT_IMPORT_QUEUE, RepaymentImportsService } from '../services/repayment-imports.service.js';

/** Runs in the worker (and in `all`); each job is one uploaded statement. */
@Processor(REPAYMENT_IMPORT_QUEUE)
export class RepaymentImportProcessor extends WorkerHost {
  constructor(private readonly imports: RepaymentImportsService) {
    super();
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
