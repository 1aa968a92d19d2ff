import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Money } from '../../../platform/money/index.js';
import { DisbursementGuards } from '../../loans/index.js';
import { CollateralCoverService } from './collateral-cover.service.js';

/**
 * docs/collateral.md "Cover": at each disbursement the pledged cover of the principal after it must
 * reach the product's minimum. Registered with the loans module's disbursement guards (run last,
 * inside the disbursement's transaction) so that loans does not depend on collateral.
 */
@Injectable()
export class DisbursementCoverGuard implements OnModuleInit {
  constructor(
    private readonly guards: DisbursementGuards,
    private readonly cover: CollateralCoverService,
  ) {}

  onModuleInit(): void {
    this.guards.register(
      (m, loan, _valueDate, amount) => this.cover.assertDisbursementCover(m, loan.id, new Money(loan.outstanding_principal).plus(amount)),
      'last',
    );
  }
}
