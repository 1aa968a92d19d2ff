import { Module } from '@nestjs/common';
import { BusinessDateModule } from '../business-date/index.js';
import { ApprovalsController } from './controllers/approvals.controller.js';
import { WorkspaceController } from './controllers/workspace.controller.js';
import { ApprovalsQueueService } from './services/approvals-queue.service.js';
import { WorkQueuesService } from './services/work-queues.service.js';

/** The web app's read-only landing data: the header's workspace, the home page's work queues and the approvers' queue. */
@Module({ imports: [BusinessDateModule], controllers: [WorkspaceController, ApprovalsController], providers: [WorkQueuesService, ApprovalsQueueService] })
export class WorkspaceModule {}
