import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { DecisionDto, ProposeRestructuringDto, RestructuringDto } from '../dto/restructuring.dto.js';
import { RestructuringService } from '../services/restructuring.service.js';

/** Decree 45 Art. 27: an OFFICER proposes, an APPROVER other than the proposer decides (four eyes). */
@ApiTags('loans')
@Controller('loans/:id/restructurings')
export class RestructuringsController {
  constructor(private readonly restructurings: RestructuringService) {}

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'Restructurings of a loan, proposed and decided' })
  @ApiOkResponse({ type: [RestructuringDto] })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RestructuringDto[]> {
    return this.restructurings.list(actor, id);
  }

  @Post()
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Propose a schedule adjustment (điều chỉnh kỳ hạn) or an extension (gia hạn nợ)' })
  @ApiCreatedResponse({ type: RestructuringDto })
  propose(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ProposeRestructuringDto): Promise<RestructuringDto> {
    return this.restructurings.propose(actor, id, dto);
  }

  @Post(':rid/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Approve and apply on the business date (not by the proposer)' })
  @ApiOkResponse({ type: RestructuringDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string, @Body() dto: DecisionDto): Promise<RestructuringDto> {
    return this.restructurings.approve(actor, id, rid, dto);
  }

  @Post(':rid/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Reject a proposed restructuring (not by the proposer)' })
  @ApiOkResponse({ type: RestructuringDto })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string, @Body() dto: DecisionDto): Promise<RestructuringDto> {
    return this.restructurings.reject(actor, id, rid, dto);
  }
}
