import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Idempotent } from '../../../platform/idempotency/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { MoneyMovementDto } from '../dto/loan-commands.dto.js';
import { DecisionDto } from '../dto/restructuring.dto.js';
import { ProposeWriteOffDto, RecoveryDto, WriteOffDto } from '../dto/write-off.dto.js';
import { WriteOffService } from '../services/write-off.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

/** Write-off (xử lý rủi ro, Decree 45 Art. 28) with four eyes, and recoveries of written-off debt. */
@ApiTags('loans')
@Controller('loans/:id')
export class WriteOffsController {
  constructor(private readonly writeOffs: WriteOffService) {}

  @Get('write-offs')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Write-offs of a loan, proposed and decided' })
  @ApiOkResponse({ type: [WriteOffDto] })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<WriteOffDto[]> {
    return this.writeOffs.list(actor, id);
  }

  @Post('write-offs')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Propose writing off a group-5 loan' })
  @ApiCreatedResponse({ type: WriteOffDto })
  propose(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ProposeWriteOffDto): Promise<WriteOffDto> {
    return this.writeOffs.propose(actor, id, dto);
  }

  @Post('write-offs/:wid/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Approve (not by the proposer): receivables off balance against the specific provision' })
  @ApiOkResponse({ type: WriteOffDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('wid') wid: string, @Body() dto: DecisionDto): Promise<WriteOffDto> {
    return this.writeOffs.approve(actor, id, wid, dto);
  }

  @Post('write-offs/:wid/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Reject a proposed write-off (not by the proposer)' })
  @ApiOkResponse({ type: WriteOffDto })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('wid') wid: string, @Body() dto: DecisionDto): Promise<WriteOffDto> {
    return this.writeOffs.reject(actor, id, wid, dto);
  }

  @Get('recoveries')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Recoveries of written-off debt on a loan' })
  @ApiOkResponse({ type: [RecoveryDto] })
  recoveries(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RecoveryDto[]> {
    return this.writeOffs.recoveries(actor, id);
  }

  @Post('recoveries')
  @Roles('OFFICER')
  @Idempotent()
  @ApiOperation({ summary: 'Record a recovery of written-off debt (income; the off-balance register goes down)' })
  @ApiCreatedResponse({ type: RecoveryDto })
  recover(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: MoneyMovementDto): Promise<RecoveryDto> {
    return this.writeOffs.recover(actor, id, dto);
  }
}
