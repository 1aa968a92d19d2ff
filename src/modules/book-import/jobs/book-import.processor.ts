import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { BOOK_IMPORT_QUEUE } from '../book-import.constants.js';
import { BookCommitService } from '../services/book-commit.service.js';

/** Runs in the worker (and in `all`): one job per approved workbook, committed whole or not at all. */
@Processor(BOOK_IMPORT_QUEUE)
export class BookImportProcessor extends WorkerHost {
  constructor(private readonly commit: BookCommitService) {
    super();
  }

  async process(job: Job<{ importId: string }>): Promise<void> {
    try {
      await this.commit.run(job.data.importId, (percent) => job.updateProgress(percent));
    } catch (e) {
      // The transaction rolled back: nothing of the workbook is in the books; the reason stays on the import.
      await this.commit.fail(job.data.importId, e instanceof Error ? e.message : String(e));
      throw e;
    }
  }
}
