import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../auth/index.js';
import { DecideRecallDto, RecallCaseDto, RecallQueryDto } from '../dto/inspection.dto.js';
import { RecallCasesService } from '../services/recall-cases.service.js';

@ApiTags('inspections')
@Controller('recall-cases')
export class RecallCasesController {
  constructor(private readonly recalls: RecallCasesService) {}

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Recall cases, newest first' })
  @ApiPageResponse(RecallCaseDto)
  list(@CurrentActor() actor: Actor, @Query() q: RecallQueryDto): Promise<Page<RecallCaseDto>> {
    return this.recalls.list(actor, q);
  }

  @Get(':id')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'One recall case' })
  @ApiOkResponse({ type: RecallCaseDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RecallCaseDto> {
    return this.recalls.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Approve (four eyes): the remaining principal falls due on the recall date' })
  @ApiOkResponse({ type: RecallCaseDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecideRecallDto): Promise<RecallCaseDto> {
    return this.recalls.approve(actor, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Reject (four eyes): the schedule stays' })
  @ApiOkResponse({ type: RecallCaseDto })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecideRecallDto): Promise<RecallCaseDto> {
    return this.recalls.reject(actor, id, dto);
  }
}
