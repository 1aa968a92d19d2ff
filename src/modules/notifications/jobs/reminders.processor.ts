import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { type ReminderRunResult, NotificationsService } from '../services/notifications.service.js';
import { DAILY_REMINDERS_SCHEDULER, REMINDERS_QUEUE } from './notifications-queues.js';

/**
 * The daily reminder job (worker and `all` roles only). At boot it (re)registers the BullMQ job
 * scheduler on REMINDER_CRON in BUSINESS_TIMEZONE — upsert, so several workers keep one schedule.
 */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly notifications: NotificationsService,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const log = new Logger(RemindersProcessor.name);
    void this.queue
      .upsertJobScheduler(
        DAILY_REMINDERS_SCHEDULER,
        { pattern: this.config.reminderCron, tz: this.config.businessTimezone },
        { name: 'reminders', data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      )
      .catch((e: unknown) => log.error(`reminder scheduler not registered: ${e instanceof Error ? e.message : String(e)}`));
  }

  process(job: Job<{ date?: string }>): Promise<ReminderRunResult> {
    return this.notifications.generate(job.data.date);
  }
}
