import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AttachmentDto, AttachmentsService, readUpload, UPLOAD_BODY_SCHEMA } from '../../attachments/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';

/**
 * An asset's documents (the certificate, the valuation report, the registration, the policy),
 * stored by the attachments module and authorised exactly like the asset: a cooperative user reads
 * its own borrower's, and only the fund's officers add them.
 */
@ApiTags('collateral')
@Controller('collateral-assets/:id/documents')
export class CollateralDocumentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'The asset’s documents with their versions' })
  @ApiOkResponse({ type: AttachmentDto, isArray: true })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto[]> {
    return this.attachments.listByOwner(actor, 'COLLATERAL_ASSET', id);
  }

  @Post()
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Upload a document of the asset (multipart: docType, then file; type judged from the content)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async upload(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.attachments.store(actor, { ownerKind: 'COLLATERAL_ASSET', ownerId: id }, await readUpload(req));
  }
}
