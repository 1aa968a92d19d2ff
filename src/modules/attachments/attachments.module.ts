import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AttachmentsController } from './controllers/attachments.controller.js';
import { OwnerDocumentsController } from './controllers/owner-documents.controller.js';
import { AttachmentOwners } from './services/attachment-owners.js';
import { AttachmentsService } from './services/attachments.service.js';

@Module({
  imports: [AuditModule],
  controllers: [OwnerDocumentsController, AttachmentsController],
  providers: [AttachmentOwners, AttachmentsService],
  exports: [AttachmentsService, AttachmentOwners],
})
export class AttachmentsModule {}
