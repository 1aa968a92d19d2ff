import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/actor/index.js';
import { ReconciliationResultDto } from '../dto/reconciliation.dto.js';
import { ReconciliationService } from '../services/reconciliation.service.js';

@ApiTags('ledger')
@Controller('ledger/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR', 'APPROVER', 'OFFICER')
  @ApiOperation({ summary: 'Loans whose cached balances differ from the ledger (should list none)' })
  @ApiOkResponse({ type: ReconciliationResultDto })
  run(): Promise<ReconciliationResultDto> {
    return this.reconciliation.run();
  }
}
