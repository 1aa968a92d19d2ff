import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../auth/index.js';
import { AttachmentDto, AttachmentsService, UPLOAD_BODY_SCHEMA, readUpload } from '../../attachments/index.js';
import { InspectionDto, InspectionQueryDto, InspectionSummaryDto, RecallCaseDto, RecordInspectionDto } from '../dto/inspection.dto.js';
import { InspectionsService } from '../services/inspections.service.js';
import { RecallCasesService } from '../services/recall-cases.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;
const STAFF = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN'] as const;

/** Checks on the use of the money: per loan, the officers' queue, and each inspection's photos and receipts. */
@ApiTags('inspections')
@Controller()
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly recalls: RecallCasesService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('loans/:id/inspections')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Each disbursement of the loan with its inspection: due, overdue or done' })
  @ApiOkResponse({ type: InspectionDto, isArray: true })
  forLoan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InspectionDto[]> {
    return this.inspections.forLoan(actor, id);
  }

  @Post('loans/:id/inspections')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record the visit that checked a disbursement’s use (a misuse finding opens a recall case)' })
  @ApiCreatedResponse({ type: InspectionDto })
  record(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecordInspectionDto): Promise<InspectionDto> {
    return this.inspections.record(actor, id, dto);
  }

  @Get('loans/:id/recall-cases')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Recall cases of the loan (thu hồi nợ trước hạn)' })
  @ApiOkResponse({ type: RecallCaseDto, isArray: true })
  recallsOfLoan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RecallCaseDto[]> {
    return this.recalls.forLoan(actor, id);
  }

  @Get('inspections')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Inspections due and overdue (the officers’ queue and report), or done' })
  @ApiPageResponse(InspectionDto)
  list(@CurrentActor() actor: Actor, @Query() q: InspectionQueryDto): Promise<Page<InspectionDto>> {
    return this.inspections.list(actor, q);
  }

  @Get('inspections/summary')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Counts of inspections due, overdue and done on the business date' })
  @ApiOkResponse({ type: InspectionSummaryDto })
  summary(@CurrentActor() actor: Actor): Promise<InspectionSummaryDto> {
    return this.inspections.summary(actor);
  }

  @Get('inspections/:id/documents')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Photos and receipts of an inspection' })
  @ApiOkResponse({ type: AttachmentDto, isArray: true })
  documents(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto[]> {
    return this.attachments.listByOwner(actor, 'INSPECTION', id);
  }

  @Post('inspections/:id/documents')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Add a photo or receipt to an inspection (multipart: docType, then file)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async upload(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.attachments.store(actor, { ownerKind: 'INSPECTION', ownerId: id }, await readUpload(req));
  }
}
