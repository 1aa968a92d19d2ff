import { Module } from '@nestjs/common';
import { BusinessDateModule } from '../close-of-business/index.js';
import { WorkspaceController } from './controllers/workspace.controller.js';
import { WorkQueuesService } from './services/work-queues.service.js';

/** The web app's read-only landing data: the header's workspace and the home page's work queues. */
@Module({ imports: [BusinessDateModule], controllers: [WorkspaceController], providers: [WorkQueuesService] })
export class WorkspaceModule {}
