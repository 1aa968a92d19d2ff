import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { AsOfQueryDto, GlCodeDto, LedgerAccountDto, TrialBalanceDto, UpdateGlCodeDto } from '../dto/ledger.dto.js';
import { LedgerQueryService } from '../services/ledger-query.service.js';

@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly query: LedgerQueryService) {}

  @Get('trial-balance')
  @Roles('ADMIN', 'AUDITOR', 'APPROVER', 'OFFICER')
  @ApiOperation({ summary: 'Balances by account on a value date, from the journal' })
  @ApiOkResponse({ type: TrialBalanceDto })
  trialBalance(@CurrentActor() actor: Actor, @Query() q: AsOfQueryDto): Promise<TrialBalanceDto> {
    return this.query.trialBalance(actor, q.asOf);
  }

  @Get('accounts')
  @Roles('ADMIN', 'AUDITOR', 'APPROVER', 'OFFICER')
  @ApiOperation({ summary: 'Chart of accounts with the configured GL codes' })
  @ApiOkResponse({ type: [LedgerAccountDto] })
  accounts(): Promise<LedgerAccountDto[]> {
    return this.query.accounts();
  }

  @Patch('accounts/:account')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the GL code of an account' })
  @ApiOkResponse({ type: GlCodeDto })
  updateGlCode(@CurrentActor() actor: Actor, @Param('account') account: string, @Body() dto: UpdateGlCodeDto): Promise<GlCodeDto> {
    return this.query.updateGlCode(actor, account, dto);
  }
}
