import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AttachmentDto, UPLOAD_BODY_SCHEMA, readUpload } from '../../attachments/index.js';
import { DocumentChecklistDto, WaiveDocumentDto } from '../dto/document-checklist.dto.js';
import { ApplicationDocumentsService } from '../services/application-documents.service.js';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../auth/index.js';
import { AppraisalDto, CreateAppraisalDto, CreateDocumentDto, DocumentDto } from '../dto/appraisal.dto.js';
import {
  ApproveApplicationDto,
  CreateLoanApplicationDto,
  LoanApplicationDto,
  LoanApplicationQueryDto,
  RejectApplicationDto,
  TransitionNoteDto,
} from '../dto/loan-application.dto.js';
import { AppraisalsService } from '../services/appraisals.service.js';
import { LoanApplicationsService } from '../services/loan-applications.service.js';

@ApiTags('loan-applications')
@Controller('loan-applications')
export class LoanApplicationsController {
  constructor(
    private readonly applications: LoanApplicationsService,
    private readonly appraisals: AppraisalsService,
    private readonly files: ApplicationDocumentsService,
  ) {}

  @Post()
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Create a draft application (a cooperative user only for its own borrower)' })
  @ApiCreatedResponse({ type: LoanApplicationDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLoanApplicationDto): Promise<LoanApplicationDto> {
    return this.applications.create(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'Loan applications, filtered and paged (a cooperative user sees its own)' })
  @ApiPageResponse(LoanApplicationDto)
  list(@CurrentActor() actor: Actor, @Query() q: LoanApplicationQueryDto): Promise<Page<LoanApplicationDto>> {
    return this.applications.list(actor, q);
  }

  @Get(':id')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'One loan application' })
  @ApiOkResponse({ type: LoanApplicationDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanApplicationDto> {
    return this.applications.get(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'DRAFT → SUBMITTED, after the lending-condition checks' })
  @ApiOkResponse({ type: LoanApplicationDto })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanApplicationDto> {
    return this.applications.submit(actor, id);
  }

  @Post(':id/start-appraisal')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'SUBMITTED → UNDER_APPRAISAL' })
  @ApiOkResponse({ type: LoanApplicationDto })
  startAppraisal(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanApplicationDto> {
    return this.applications.startAppraisal(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'UNDER_APPRAISAL → APPROVED (four eyes; checks again on the decision date)' })
  @ApiOkResponse({ type: LoanApplicationDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ApproveApplicationDto): Promise<LoanApplicationDto> {
    return this.applications.approve(actor, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'UNDER_APPRAISAL → REJECTED (four eyes)' })
  @ApiOkResponse({ type: LoanApplicationDto })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectApplicationDto): Promise<LoanApplicationDto> {
    return this.applications.reject(actor, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Withdraw before a decision' })
  @ApiOkResponse({ type: LoanApplicationDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: TransitionNoteDto): Promise<LoanApplicationDto> {
    return this.applications.withdraw(actor, id, dto?.note ?? null);
  }

  @Post(':id/appraisals')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record an appraisal (thẩm định) while UNDER_APPRAISAL' })
  @ApiCreatedResponse({ type: AppraisalDto })
  appraise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateAppraisalDto): Promise<AppraisalDto> {
    return this.appraisals.record(actor, id, dto);
  }

  @Get(':id/appraisals')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Appraisals recorded on an application' })
  @ApiOkResponse({ type: AppraisalDto, isArray: true })
  listAppraisals(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AppraisalDto[]> {
    return this.appraisals.list(actor, id);
  }

  @Post(':id/documents')
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Record a document’s metadata (name, type, checksum)' })
  @ApiCreatedResponse({ type: DocumentDto })
  addDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateDocumentDto): Promise<DocumentDto> {
    return this.appraisals.addDocument(actor, id, dto);
  }

  @Get(':id/documents')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'Documents recorded on an application' })
  @ApiOkResponse({ type: DocumentDto, isArray: true })
  documents(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DocumentDto[]> {
    return this.appraisals.documents(actor, id);
  }

  @Post(':id/documents/files')
  @Roles('OFFICER', 'COOPERATIVE')
  @ApiOperation({ summary: 'Upload a document file (multipart: docType, then file); recorded with its name and checksum' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  async uploadFile(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<AttachmentDto> {
    return this.files.upload(actor, id, await readUpload(req));
  }

  @Get(':id/documents/files')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'The stored document files of an application, with their versions' })
  @ApiOkResponse({ type: AttachmentDto, isArray: true })
  listFiles(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentDto[]> {
    return this.files.files(actor, id);
  }

  @Get(':id/document-checklist')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'The product’s required documents: present (on the application or the borrower), waived or missing' })
  @ApiOkResponse({ type: DocumentChecklistDto })
  checklist(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DocumentChecklistDto> {
    return this.files.checklist(actor, id);
  }

  @Post(':id/document-waivers')
  @HttpCode(200)
  @Roles('OFFICER', 'APPROVER')
  @ApiOperation({ summary: 'Waive a required document with a reason (who and why are recorded)' })
  @ApiOkResponse({ type: DocumentChecklistDto })
  waive(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: WaiveDocumentDto): Promise<DocumentChecklistDto> {
    return this.files.waive(actor, id, dto);
  }
}
