import { ApiProperty } from '@nestjs/swagger';
import type { ReconciliationResult, ReconciliationRow } from '../services/reconciliation.service.js';

export class ReconciliationRowDto implements ReconciliationRow {
  @ApiProperty({ example: '42' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000042' }) contractNumber: string;
  @ApiProperty({
    example: 'INTEREST_RECEIVABLE',
    description: 'The ledger account compared, or `FLOW <counter>` for a cumulative flow counter, or `WRITTEN_OFF_DEBT (recoveries)`',
  })
  account: string;
  @ApiProperty({ example: '1250000', description: 'The figure cached on the loan, VND' }) cached: string;
  @ApiProperty({ example: '1200000', description: 'The same figure from the journal, VND' }) ledger: string;
}

export class ReconciliationResultDto implements ReconciliationResult {
  @ApiProperty({ example: 504 }) loansChecked: number;
  @ApiProperty({ type: [ReconciliationRowDto], description: 'Empty when the loans agree with the ledger' })
  mismatches: ReconciliationRowDto[];
  @ApiProperty({ type: [String], example: [], description: 'Journal transactions whose entries do not sum to zero (at most 100); empty when balanced' })
  unbalancedTransactions: string[];
}
