import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DemoStatusController } from './controllers/demo-status.controller.js';
import { DemoLoadService } from './services/demo-load.service.js';
import { DemoLoadingGuard } from './services/demo-loading.guard.js';

@Module({ controllers: [DemoStatusController], providers: [DemoLoadService, { provide: APP_GUARD, useClass: DemoLoadingGuard }], exports: [DemoLoadService] })
export class DemoLoadModule {}
