import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles, type Actor } from '../../auth/index.js';
import { AttachmentDto, UPLOAD_BODY_SCHEMA } from '../dto/attachment.dto.js';
import { AttachmentsService } from '../services/attachments.service.js';
import { readUpload } from '../services/multipart-upload.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

/** The documents of a borrower and of a loan (the printed PDFs stay under /loans/:id/documents/*.pdf). */
@ApiTags('attachments')
@Controller()
export class OwnerDocumentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('borrowers/:id/documents')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The borrower’s documents with their versions (a cooperative user: its own)' })
  @ApiOkResponse({ type: AttachmentDto, isArray: true })
  borrowerDocuments(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto[]> {
    return this.attachments.listByOwner(actor, 'BORROWER', id);
  }

  @Post('borrowers/:id/documents')
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Upload a borrower document (multipart: docType, then file; type judged from the content)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async uploadBorrowerDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.attachments.store(actor, { ownerKind: 'BORROWER', ownerId: id }, await readUpload(req));
  }

  @Get('loans/:id/documents')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s stored documents with their versions (a cooperative user: its own loans)' })
  @ApiOkResponse({ type: AttachmentDto, isArray: true })
  loanDocuments(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto[]> {
    return this.attachments.listByOwner(actor, 'LOAN', id);
  }

  @Post('loans/:id/documents')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Upload a loan document, e.g. the signed contract (multipart: docType, then file)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async uploadLoanDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.attachments.store(actor, { ownerKind: 'LOAN', ownerId: id }, await readUpload(req));
  }
}
