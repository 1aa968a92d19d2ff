import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../../config/index.js';
import { AuditModule } from '../audit/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { CollateralCoverModule } from '../collateral/cover.index.js';
import { PaymentQrModule } from '../payment-qr/index.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { RemindersProcessor } from './jobs/reminders.processor.js';
import { REMINDERS_QUEUE } from './jobs/notifications-queues.js';
import { NotificationsService } from './services/notifications.service.js';
import { ReminderRunsService } from './services/reminder-runs.service.js';

/** Reminders and the notifications cooperative users read; the job runs in worker and `all` roles only. */
@Module({})
export class NotificationsModule {
  static register(role: ProcessRole): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [AuditModule, BusinessDateModule, CollateralCoverModule, PaymentQrModule, BullModule.registerQueue({ name: REMINDERS_QUEUE })],
      controllers: [NotificationsController],
      providers: [NotificationsService, ReminderRunsService, ...(role === 'api' ? [] : [RemindersProcessor])],
      exports: [NotificationsService],
    };
  }
}
