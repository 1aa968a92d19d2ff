import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../platform/database/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { LoanProductsService } from '../../products/index.js';
import type { ApplicationChecksQueryDto, LendingChecksDto, LendingChecksRequestDto } from '../dto/lending-checks.dto.js';
import { ApplicationChecksService } from './application-checks.service.js';
import { loadApplication } from './application-records.repository.js';

/**
 * The lending conditions as a dry run (domain.md "Lending conditions the system checks"): the same
 * gathering and the same rules as submission and approval, every rule reported with its limit and
 * figure, and nothing written (it only reads, in one transaction so the figures are read together).
 */
@Injectable()
export class LendingDryRunService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly borrowers: BorrowersService,
    private readonly products: LoanProductsService,
    private readonly checks: ApplicationChecksService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /** An application being filled in: the product's current version, as creation would pin it. */
  async ofDraft(actor: Actor, dto: LendingChecksRequestDto): Promise<LendingChecksDto> {
    this.borrowers.assertVisible(actor, dto.borrowerId);
    return this.tx.run(async (m) => {
      const product = await this.products.currentVersion(m, dto.productId);
      const on = await this.businessDate.current(m);
      const checks = await this.checks.evaluate(
        m,
        {
          ...dto,
          productVersionId: product.id,
          collateralExempt: dto.collateralExempt ?? false,
          collateralExemptionRegulation: dto.collateralExemptionRegulation ?? null,
          collateralExemptionDecision: dto.collateralExemptionDecision ?? null,
        },
        { amount: dto.requestedAmount, termMonths: dto.termMonths, ratePercent: dto.ratePercent ?? null },
        on,
      );
      return { checkedOn: on, passed: checks.every((c) => c.passed), checks };
    });
  }

  /** A stored application with its own product version, checked with the given decision figures or its own. */
  async ofApplication(actor: Actor, id: string, q: ApplicationChecksQueryDto): Promise<LendingChecksDto> {
    return this.tx.run(async (m) => {
      const app = await loadApplication(m, actor, id);
      const on = await this.businessDate.current(m);
      const loan = {
        amount: q.amount ?? app.approvedAmount ?? app.requestedAmount,
        termMonths: q.termMonths ?? app.approvedTermMonths ?? app.termMonths,
        ratePercent: q.ratePercent ?? app.approvedRatePercent ?? null,
      };
      const checks = await this.checks.evaluate(m, app, loan, on);
      return { checkedOn: on, passed: checks.every((c) => c.passed), checks };
    });
  }
}
