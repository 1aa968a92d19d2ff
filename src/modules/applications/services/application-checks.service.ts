import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { CollateralCoverService } from '../../collateral/cover.index.js';
import { CapitalSourcesService, CharterCapitalService } from '../../funds/index.js';
import { LoanProductsService, periodMonths } from '../../products/index.js';
import '../applications.errors.js';
import { checkLendingConditions, evaluateLendingConditions, type LendingCheck, type LendingCheckInput } from '../domain/lending-conditions.js';
import type { LoanApplicationDto } from '../dto/loan-application.dto.js';

/** Serialises approvals so two decisions never both fit under the same 15%/25%/availability headroom. */
const APPROVAL_LOCK = 0x0a991;

export interface CheckedLoan {
  amount: string;
  termMonths: number;
  /** Null at submission (the product's rate applies). */
  ratePercent: string | null;
}

/** What the checks read of an application: a stored one, or the form of one not yet created (dry run). */
export type CheckedApplication = Pick<
  LoanApplicationDto,
  | 'borrowerId'
  | 'productVersionId'
  | 'capitalSourceId'
  | 'repaymentFrequency'
  | 'sectorVersion'
  | 'sectorCode'
  | 'totalInvestment'
  | 'collateralExempt'
  | 'collateralExemptionRegulation'
  | 'collateralExemptionDecision'
> & {
  /** A stored application's id (its pledges are its collateral); none for a form not yet saved. */
  id?: string;
};

/**
 * Gathers the figures for domain/lending-conditions.ts inside the caller's transaction and
 * throws the first refusal as a 422 naming rule, limit and actual (domain.md "Lending conditions").
 */
@Injectable()
export class ApplicationChecksService {
  constructor(
    private readonly borrowers: BorrowersService,
    private readonly products: LoanProductsService,
    private readonly sources: CapitalSourcesService,
    private readonly charter: CharterCapitalService,
    private readonly collateral: CollateralCoverService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `waive`: condition codes not applied (a contract signed under older product rules, brought in by a book import). */
  async assertLendable(m: EntityManager, app: CheckedApplication, loan: CheckedLoan, on: LocalDate, waive: readonly string[] = []): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1, 0)', [APPROVAL_LOCK]);
    const facts = await this.facts(m, app, loan, on);
    const refusal = waive.length === 0 ? checkLendingConditions(facts) : evaluateLendingConditions(facts).find((c) => !c.passed && !waive.includes(c.code));
    if (refusal) throw new DomainError(refusal.code, { rule: refusal.rule, limit: refusal.limit, actual: refusal.actual, ...refusal.params });
  }

  /** The same conditions, every one with its limit and figure, without the approval lock and without refusing (a dry run). */
  async evaluate(m: EntityManager, app: CheckedApplication, loan: CheckedLoan, on: LocalDate): Promise<LendingCheck[]> {
    // The formatted figures are for a refusal's message; the list carries the raw ones.
    return evaluateLendingConditions(await this.facts(m, app, loan, on)).map(({ params: _params, ...c }) => c);
  }

  private async facts(m: EntityManager, app: CheckedApplication, loan: CheckedLoan, on: LocalDate): Promise<LendingCheckInput> {
    const borrower = await this.borrowers.facts(m, app.borrowerId);
    const product = await this.products.version(m, app.productVersionId);
    // A guarantor who is a borrower counts with the borrower where the fund's parameter says so (docs/collateral.md "Guarantees").
    const related = [
      ...new Set([...(await this.borrowers.relatedIds(m, app.borrowerId)), ...(await this.collateral.guaranteeRelatedIds(m, app.borrowerId))]),
    ].filter((id) => id !== app.borrowerId);
    const exposures: Array<{ borrower_id: string; exposure: string }> = await m.query(
      `SELECT id AS borrower_id, borrower_exposure(id)::text AS exposure FROM unnest($1::bigint[]) AS id`,
      [[app.borrowerId, ...related]],
    );
    const own = exposures.find((e) => String(e.borrower_id) === app.borrowerId)?.exposure ?? '0';
    const group = exposures.reduce((acc, e) => acc.plus(e.exposure), new Money(0));
    return {
      on,
      fundProvinceCode: this.config.fundProvinceCode,
      borrower,
      product: {
        retired: product.retired,
        minAmount: new Money(product.minAmount),
        maxAmount: new Money(product.maxAmount),
        minTermMonths: product.minTermMonths,
        maxTermMonths: product.maxTermMonths,
        annualInterestRatePercent: new Money(product.annualInterestRatePercent),
        principalFrequency: app.repaymentFrequency,
        principalPeriodMonths: periodMonths(app.repaymentFrequency),
        principalGracePeriods: product.principalGracePeriods ?? 0,
        allowedBorrowerTypes: product.allowedBorrowerTypes,
        allowedSectors: product.allowedSectors ?? [],
        collateralRequired: product.collateralRequired,
        collateralCover: {
          basis: product.collateralCoverBasis ?? 'DISCOUNTED',
          minCoverPercent: new Money(product.collateralMinCoverPercent ?? '100'),
          maxLtvPercent: new Money(product.collateralMaxLtvPercent ?? '70'),
        },
      },
      loan: {
        amount: new Money(loan.amount),
        termMonths: loan.termMonths,
        ratePercent: loan.ratePercent === null ? null : new Money(loan.ratePercent),
        sector: `${app.sectorVersion}/${app.sectorCode}`,
        totalInvestment: new Money(app.totalInvestment),
        collateralExempt: app.collateralExempt,
        collateralExemptionRegulation: app.collateralExemptionRegulation,
        collateralExemptionDecision: app.collateralExemptionDecision,
      },
      exposure: {
        charterCapital: await this.charter.inForce(m, on),
        borrowerExposure: new Money(own),
        groupExposure: group,
        sourceAvailable: await this.sources.availableForNewLoans(m, app.capitalSourceId),
      },
      collateral: await this.collateral.applicationItems(m, app.id ?? null),
    };
  }
}
