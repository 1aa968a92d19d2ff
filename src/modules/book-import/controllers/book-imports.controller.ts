import { Body, Controller, createParamDecorator, type ExecutionContext, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Language, pickLanguage } from '../../../platform/errors/index.js';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { Idempotent } from '../../../platform/idempotency/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import {
  BookImportDto,
  BookImportListQueryDto,
  BookImportProgressDto,
  BookImportResultDto,
  CommuneChoicesDto,
  RejectBookImportDto,
  TemplateQueryDto,
  UploadBookImportDto,
} from '../dto/book-import.dto.js';
import { BookImportsService } from '../services/book-imports.service.js';
import { BookTemplatesService } from '../services/book-templates.service.js';

/** The request's language (Accept-Language, Vietnamese by default): the dry run's messages and headers. */
const Lang = createParamDecorator((_d: unknown, ctx: ExecutionContext): Language =>
  pickLanguage(ctx.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);

const STAFF = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, fileName: string, buffer: Buffer): Buffer {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  void reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store');
  return buffer;
}

@ApiTags('book-imports')
@Controller('book-imports')
export class BookImportsController {
  constructor(
    private readonly imports: BookImportsService,
    private readonly templates: BookTemplatesService,
  ) {}

  @Get('templates')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The workbook template (Borrowers, Loans, Disbursements, Repayments, OpeningPositions, Instructions) with drop-downs from reference data',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The XLSX template as an attachment', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async template(@Query() q: TemplateQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const t = await this.templates.workbook(q.lang ?? 'vi');
    return sendFile(reply, t.fileName, t.buffer);
  }

  @Post()
  @HttpCode(201)
  @Roles('OFFICER')
  @Idempotent()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBookImportDto })
  @ApiOperation({
    summary:
      'Upload a filled workbook: the dry run (errors, summary, reconciliation, commune proposals); nothing is written to the books. The same file again answers the earlier import',
  })
  @ApiCreatedResponse({ type: BookImportDto, description: 'The dry run of a new workbook' })
  @ApiOkResponse({ type: BookImportDto, description: 'The same workbook (sha256) was uploaded before: its import, duplicate=true' })
  async upload(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Lang() lang: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookImportDto> {
    const dto = await this.imports.upload(actor, req, lang);
    if (dto.duplicate) void reply.status(200);
    return dto;
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Book imports, newest first (without their row lists)' })
  @ApiPageResponse(BookImportDto)
  list(@Query() q: BookImportListQueryDto, @Lang() lang: Language): Promise<Page<BookImportDto>> {
    return this.imports.list(q, lang);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'One import with its dry run: errors, summary, reconciliation, commune proposals, legacy contracts' })
  @ApiOkResponse({ type: BookImportDto })
  get(@Param('id') id: string, @Lang() lang: Language): Promise<BookImportDto> {
    return this.imports.get(id, lang);
  }

  @Get(':id/file')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The workbook as uploaded (kept with the import)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The XLSX file', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async file(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const f = await this.imports.file(id);
    return sendFile(reply, f.fileName, f.buffer);
  }

  @Post(':id/commune-choices')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Choose the 2025 commune of borrower rows whose old address matched several' })
  @ApiOkResponse({ type: BookImportDto })
  chooseCommunes(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CommuneChoicesDto, @Lang() lang: Language): Promise<BookImportDto> {
    return this.imports.chooseCommunes(actor, id, dto, lang);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Send a READY import (no errors, every commune chosen) for approval; a FAILED or REJECTED one is judged again first' })
  @ApiOkResponse({ type: BookImportDto })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Lang() lang: Language): Promise<BookImportDto> {
    return this.imports.submit(actor, id, lang);
  }

  @Post(':id/approve')
  @HttpCode(202)
  @Roles('APPROVER')
  @Idempotent()
  @ApiOperation({ summary: 'Approve a SUBMITTED import (four eyes: not its uploader or submitter); the commit runs as a job' })
  @ApiAcceptedResponse({ type: BookImportDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Lang() lang: Language): Promise<BookImportDto> {
    return this.imports.approve(actor, id, lang);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Send a SUBMITTED import back with a reason; nothing is written' })
  @ApiOkResponse({ type: BookImportDto })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectBookImportDto, @Lang() lang: Language): Promise<BookImportDto> {
    return this.imports.reject(actor, id, dto, lang);
  }

  @Get(':id/progress')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The commit job’s state and percent' })
  @ApiOkResponse({ type: BookImportProgressDto })
  progress(@Param('id') id: string): Promise<BookImportProgressDto> {
    return this.imports.progress(id);
  }

  @Get(':id/result')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Borrowers and loans a COMMITTED import created (409 before)' })
  @ApiOkResponse({ type: BookImportResultDto })
  result(@Param('id') id: string): Promise<BookImportResultDto> {
    return this.imports.result(id);
  }
}
