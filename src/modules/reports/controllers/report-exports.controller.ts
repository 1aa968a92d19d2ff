import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { ExportStatusDto } from '../dto/report-views.dto.js';
import { ReportExportsService } from '../services/report-exports.service.js';
import { fileContent } from './report-responses.js';
import { REPORT_READERS } from './reports.controller.js';
import { respond } from './respond.js';

@ApiTags('reports')
@Controller('report-exports')
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @Get(':id')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'Status and progress of a queued export (the requester’s own)' })
  @ApiOkResponse({ type: ExportStatusDto })
  status(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ExportStatusDto> {
    return this.exports.status(actor, id);
  }

  @Get(':id/download')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'The export file once DONE (409 REPORT.EXPORT_NOT_READY before)' })
  @ApiOkResponse({ description: 'The file as an attachment, of the export’s format', content: fileContent })
  @ApiConflictResponse({ description: 'REPORT.EXPORT_NOT_READY: the export is not DONE yet' })
  download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(reply, this.exports.download(actor, id));
  }
}
