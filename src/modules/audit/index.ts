export { AuditModule } from './audit.module.js';
export { AuditService, type AuditEventInput, type VerifyResult } from './services/audit.service.js';
export { AuditEventEntity } from './entities/audit-event.entity.js';
