import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { notFound } from '../../../platform/errors/index.js';
import type { ReminderRunDto, ReminderRunResultDto } from '../dto/notification.dto.js';
import { REMINDERS_QUEUE } from '../jobs/notifications-queues.js';

/** Starts the reminder job now (besides its daily schedule) and reports its state. */
@Injectable()
export class ReminderRunsService {
  constructor(@InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue) {}

  async start(dto: ReminderRunDto): Promise<ReminderRunResultDto> {
    const job = await this.queue.add('reminders', { date: dto.date }, { jobId: `reminders-manual-${randomUUID()}`, removeOnComplete: 100, removeOnFail: 500 });
    return { jobId: String(job.id), state: await job.getState(), result: null };
  }

  async get(jobId: string): Promise<ReminderRunResultDto> {
    // The state first, then the job: a job read while still active and found completed a moment
    // later would report `completed` with no result yet.
    const state = await this.queue.getJobState(jobId);
    const job = await this.queue.getJob(jobId);
    if (!job || state === 'unknown') throw notFound('reminder run', jobId);
    return { jobId, state, result: (job.returnvalue as Record<string, unknown> | null) ?? null };
  }
}
