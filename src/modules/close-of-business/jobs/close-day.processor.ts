import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { SYSTEM_ACTOR } from '../../../platform/actor/index.js';
import { addDays, wallClockDate } from '../../../platform/dates/index.js';
import { CloseFlowService } from '../services/close-flow.service.js';
import { CLOSE_QUEUE, type CloseDayJob, JOB_CLOSE_DAY, JOB_SCHEDULED_CLOSE } from './close-of-business-queues.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The close's day jobs (the parent of a date's chunks, which advances the business date when they
 * are all done) and the nightly scheduler's jobs, which request the close of yesterday (domain.md
 * "Close of business"). Worker role only, one at a time; CloseOfBusinessWorkerModule declares it
 * with the close's lock settings (configuredProcessor).
 */
@Processor(CLOSE_QUEUE)
export class CloseDayProcessor extends WorkerHost {
  private readonly logger = new Logger('CloseOfBusiness');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly flow: CloseFlowService,
  ) {
    super();
  }

  async process(job: Job<CloseDayJob>): Promise<void> {
    if (job.name === JOB_SCHEDULED_CLOSE) {
      await this.flow.request(SYSTEM_ACTOR, addDays(wallClockDate(this.config.businessTimezone), -1), 'SCHEDULED');
      return;
    }
    if (job.name !== JOB_CLOSE_DAY) throw new UnrecoverableError(`unknown job ${job.name}`);
    try {
      await this.flow.finishDay(job.data.date);
    } catch (e) {
      await this.flow.dayFailed(job.data.date, message(e));
      throw e;
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(e: Error): void {
    this.logger.error(`worker error: ${message(e)}`);
  }
}
