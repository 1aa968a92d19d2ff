import { Controller, Get, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { AttachmentDto, AttachmentVersionDto, ContentQueryDto, VERSION_BODY_SCHEMA } from '../dto/attachment.dto.js';
import { AttachmentsService, type AttachmentDownload } from '../services/attachments.service.js';
import { readUpload } from '../services/multipart-upload.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

/** A stored file as a download stream, with an ASCII and a UTF-8 file name and its digest. */
function streamed(d: AttachmentDownload): StreamableFile {
  const ascii =
    d.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tai-lieu';
  return new StreamableFile(d.stream, {
    type: d.contentType,
    length: d.sizeBytes,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
  });
}

/** One document of the loan file, whatever owns it; authorised like its owner. */
@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A document with every version' })
  @ApiOkResponse({ type: AttachmentDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto> {
    return this.attachments.get(actor, id);
  }

  @Get(':id/versions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The versions of a document, newest first (nothing is deleted)' })
  @ApiOkResponse({ type: AttachmentVersionDto, isArray: true })
  versions(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentVersionDto[]> {
    return this.attachments.versions(actor, id);
  }

  @Post(':id/versions')
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Upload a new version of a document (multipart: file); the old one is kept' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: VERSION_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async addVersion(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.attachments.addVersion(actor, id, await readUpload(req));
  }

  @Get(':id/content')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Download a version’s file (streamed; the current version unless ?version=n)' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file as stored',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary', maxLength: 2_147_483_647 } } },
  })
  async content(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: ContentQueryDto): Promise<StreamableFile> {
    return streamed(await this.attachments.open(actor, id, q.version));
  }
}
