import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { SYSTEM_ACTOR } from '../../../platform/actor/index.js';
import { CloseChunkService } from '../services/close-chunk.service.js';
import { CloseFlowService } from '../services/close-flow.service.js';
import { CLOSE_CHUNK_QUEUE, type CloseChunkJob, JOB_CLOSE_CHUNK } from './close-of-business-queues.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The close's chunk jobs: one range of borrowers for one business date (design.md "Jobs"). Worker
 * role only; CloseOfBusinessWorkerModule declares it with CLOSE_WORKER_CONCURRENCY and the close's
 * lock settings (configuredProcessor).
 */
@Processor(CLOSE_CHUNK_QUEUE)
export class CloseChunkProcessor extends WorkerHost {
  private readonly logger = new Logger('CloseOfBusiness');

  constructor(
    private readonly flow: CloseFlowService,
    private readonly chunks: CloseChunkService,
  ) {
    super();
  }

  async process(job: Job<CloseChunkJob>): Promise<number> {
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

  @OnWorkerEvent('error')
  onWorkerError(e: Error): void {
    this.logger.error(`worker error: ${message(e)}`);
  }
}
