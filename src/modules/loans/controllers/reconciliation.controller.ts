import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/index.js';
import { ReconciliationService, type ReconciliationResult } from '../services/reconciliation.service.js';

@ApiTags('ledger')
@Controller('ledger/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR', 'APPROVER', 'OFFICER')
  @ApiOperation({ summary: 'Loans whose cached balances differ from the ledger (should list none)' })
  run(): Promise<ReconciliationResult> {
    return this.reconciliation.run();
  }
}
