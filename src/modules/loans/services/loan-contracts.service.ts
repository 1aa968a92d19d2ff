import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { type BusinessDayRule, parseLocalDate } from '../../../platform/dates/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { Money, percentToFraction } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { type AllocationStep, type Frequency, makeLoanTerms, validateLoanTerms } from '../domain/index.js';
import type { CreateContractDto } from '../dto/loan-commands.dto.js';
import type { LoanDto } from '../dto/loan-views.dto.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.service.js';
import { loanStore } from './loan-store.repository.js';
import { toLoanDto } from './loan-views.mapper.js';

interface ApprovedApplication {
  id: string;
  status: string;
  contracted_at: Date | null;
  borrower_id: string;
  product_version_id: string;
  capital_source_id: string;
  sector_version: string;
  sector_code: string;
  approved_amount: string;
  approved_term_months: number;
  approved_rate_percent: string;
  repayment_frequency: Frequency;
  credit_report_reference: string | null;
  credit_report_date: string | null;
  overdue_multiplier: string;
  late_interest_rate_percent: string;
  principal_frequency: Frequency;
  interest_frequency: Frequency;
  amortization_method: 'EQUAL_PRINCIPAL' | 'ANNUITY' | 'BULLET';
  principal_grace_periods: number;
  max_tranches: number;
  rounding_unit: string;
  allocation_order: AllocationStep[];
  prepayment_mode: 'REDUCE_INSTALLMENT' | 'SHORTEN_TERM';
  business_day_rule: BusinessDayRule;
}

/** `HĐTD-{yyyy}-{seq:6}` → `HĐTD-2025-000001`. */
export function formatContractNumber(pattern: string, year: number, seq: number): string {
  return pattern
    .replace(/\{yyyy\}/g, String(year))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 1), '0'));
}

/**
 * Turns an APPROVED application into a loan contract (four eyes: approved by someone other than the preparer). The loan copies the
 * approved amount, term and rate and the product version's other terms, so a later
 * product change never alters it (domain.md "Loan products").
 */
@Injectable()
export class LoanContractsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, applicationId: string, dto: CreateContractDto): Promise<LoanDto> {
    if (!/^\d{1,19}$/.test(applicationId)) throw notFound('loan application', applicationId);
    return this.tx.run(async (m) => {
      const app = await this.lockApplication(m, actor, applicationId);
      if (app.contracted_at) {
        const [loan] = (await m.query(`SELECT contract_number FROM loans WHERE application_id = $1`, [applicationId])) as Array<{ contract_number: string }>;
        throw new DomainError(LoanErrors['LOAN.APPLICATION_ALREADY_CONTRACTED'], { contractNumber: loan?.contract_number ?? '' });
      }
      if (app.status !== 'APPROVED') throw new DomainError(LoanErrors['LOAN.APPLICATION_NOT_APPROVED'], { status: app.status });
      const { business } = await this.recorder.businessDay(m);
      const signingDate = dto.signingDate ?? business;
      const terms = this.termsOf(app, signingDate);
      const violations = validateLoanTerms(terms);
      if (violations.length > 0) {
        throw new DomainError(LoanErrors['LOAN.INVALID_TERMS'], { violations: violations.map((v) => v.message).join('; ') });
      }
      const contractNumber = await this.nextContractNumber(m, parseLocalDate(signingDate).year);
      const [{ id }] = (await m.query(
        `INSERT INTO loans (contract_number, application_id, borrower_id, product_version_id, capital_source_id, sector_version, sector_code,
                status, signing_date, approved_amount, annual_rate, overdue_multiplier, late_interest_rate, amortization_method,
                principal_frequency, interest_frequency, term_months, grace_periods, rounding_unit, allocation_order, prepayment_mode,
                max_tranches, credit_report_reference, credit_report_date, created_by, business_day_rule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING_DISBURSEMENT', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
         RETURNING id`,
        [
          contractNumber,
          app.id,
          app.borrower_id,
          app.product_version_id,
          app.capital_source_id,
          app.sector_version,
          app.sector_code,
          signingDate,
          new Money(app.approved_amount).toFixed(),
          terms.annualRate.toFixed(),
          terms.overdueMultiplier.toFixed(),
          terms.lateInterestRate.toFixed(),
          terms.method,
          terms.principalFrequency,
          terms.interestFrequency,
          terms.termMonths,
          terms.gracePeriods,
          terms.roundingUnit.toFixed(),
          terms.allocationOrder,
          terms.prepaymentMode,
          app.max_tranches,
          app.credit_report_reference,
          app.credit_report_date,
          actor.userId,
          terms.businessDayRule,
        ],
      )) as Array<{ id: string }>;
      await m.query(`UPDATE loan_applications SET contracted_at = now(), updated_at = now() WHERE id = $1`, [app.id]);
      const row = await loanStore.find(m, actor, String(id), false);
      const dto_ = toLoanDto(row, null);
      await this.audit.record(m, actor, { action: 'loan.contract', entityType: 'loan', entityId: String(id), after: dto_ });
      await this.audit.record(m, actor, {
        action: 'application.contract',
        entityType: 'loan_application',
        entityId: app.id,
        after: { contractNumber, loanId: String(id) },
      });
      return dto_;
    });
  }

  private async lockApplication(m: EntityManager, actor: Actor, id: string): Promise<ApprovedApplication> {
    const rows: ApprovedApplication[] = await m.query(
      `SELECT a.id, a.status, a.contracted_at, a.borrower_id, a.product_version_id, a.capital_source_id, a.sector_version, a.sector_code,
              a.approved_amount, a.approved_term_months, a.approved_rate_percent, a.repayment_frequency, a.credit_report_reference,
              a.credit_report_date::text AS credit_report_date, v.overdue_multiplier, v.late_interest_rate_percent, v.principal_frequency,
              v.interest_frequency, v.amortization_method, v.principal_grace_periods, v.max_tranches, v.rounding_unit, v.allocation_order, v.prepayment_mode,
              v.business_day_rule
       FROM loan_applications a JOIN loan_product_versions v ON v.id = a.product_version_id
       WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    const app = rows[0];
    if (!app || (isCooperativeOnly(actor) && String(app.borrower_id) !== actor.borrowerId)) throw notFound('loan application', id);
    return app;
  }

  /**
   * Approved amount, term and rate from the decision; the rest from the product version.
   * The application's repayment frequency sets the principal frequency; annuity pays
   * interest with principal, bullet repays principal at maturity (domain.md methods).
   */
  private termsOf(app: ApprovedApplication, startDate: string): ReturnType<typeof makeLoanTerms> {
    const method = app.amortization_method;
    const principalFrequency: Frequency = method === 'BULLET' ? 'AT_MATURITY' : app.repayment_frequency;
    const interestFrequency: Frequency = method === 'ANNUITY' ? principalFrequency : app.interest_frequency;
    return makeLoanTerms({
      annualRate: percentToFraction(app.approved_rate_percent),
      overdueMultiplier: new Money(app.overdue_multiplier),
      lateInterestRate: percentToFraction(app.late_interest_rate_percent),
      method,
      principalFrequency,
      interestFrequency,
      termMonths: app.approved_term_months,
      gracePeriods: app.principal_grace_periods,
      roundingUnit: new Money(app.rounding_unit),
      allocationOrder: app.allocation_order,
      prepaymentMode: app.prepayment_mode,
      startDate,
      // docs/working-days.md: the product's business-day rule is a term like the others.
      businessDayRule: app.business_day_rule,
    });
  }

  private async nextContractNumber(m: EntityManager, year: number): Promise<string> {
    const [{ last_value }] = (await m.query(
      `INSERT INTO contract_number_sequences (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = contract_number_sequences.last_value + 1 RETURNING last_value`,
      [year],
    )) as Array<{ last_value: number }>;
    return formatContractNumber(this.config.contractNumberPattern, year, last_value);
  }
}
