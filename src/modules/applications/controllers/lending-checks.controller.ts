import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { ApplicationChecksQueryDto, LendingChecksDto, LendingChecksRequestDto } from '../dto/lending-checks.dto.js';
import { LendingDryRunService } from '../services/lending-dry-run.service.js';

/** The lending conditions as a dry run, for the form as the officer types and for the approver's case. */
@ApiTags('loan-applications')
@Controller('loan-applications')
export class LendingChecksController {
  constructor(private readonly dryRun: LendingDryRunService) {}

  @Post('checks')
  @HttpCode(200)
  @Roles('OFFICER', 'APPROVER', 'ADMIN')
  @ApiOperation({ summary: 'Run the lending-condition checks on an application not yet created; nothing is saved' })
  @ApiOkResponse({ type: LendingChecksDto })
  draft(@CurrentActor() actor: Actor, @Body() dto: LendingChecksRequestDto): Promise<LendingChecksDto> {
    return this.dryRun.ofDraft(actor, dto);
  }

  @Get(':id/checks')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'The lending-condition checks of an application today, with its figures or proposed decision figures' })
  @ApiOkResponse({ type: LendingChecksDto })
  application(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: ApplicationChecksQueryDto): Promise<LendingChecksDto> {
    return this.dryRun.ofApplication(actor, id, q);
  }
}
