import { Module } from '@nestjs/common';
import { AuditEventsController } from './controllers/audit-events.controller.js';
import { AuditQueryService } from './services/audit-query.service.js';
import { AuditService } from './services/audit.service.js';

@Module({
  controllers: [AuditEventsController],
  providers: [AuditService, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
