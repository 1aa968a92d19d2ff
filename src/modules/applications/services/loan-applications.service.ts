import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CapitalSourcesService } from '../../funds/index.js';
import { LoanProductsService } from '../../products/index.js';
import { SectorsService } from '../../reference/index.js';
import { ApplicationErrors } from '../applications.errors.js';
import { nextStatus, type ApplicationAction, type ApplicationStatus } from '../domain/application-transitions.js';
import type {
  ApproveApplicationDto,
  CreateLoanApplicationDto,
  LoanApplicationDto,
  LoanApplicationQueryDto,
  RejectApplicationDto,
} from '../dto/loan-application.dto.js';
import { ApplicationChecksService } from './application-checks.service.js';
import { ApplicationDocumentsService } from './application-documents.service.js';
import { listApplicationRows, loadApplication } from './application-records.repository.js';

/** The application workflow: create, submit, appraise, decide (four eyes), withdraw. */
/** In-process options of a decision that no HTTP route passes. */
export interface DecisionOptions {
  /**
   * Lending-condition codes not applied: a book import brings in contracts signed under older
   * product rules as LEGACY (their terms kept as signed), waiving only the product limits they break.
   */
  readonly waive?: readonly string[];
}

@Injectable()
export class LoanApplicationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly borrowers: BorrowersService,
    private readonly products: LoanProductsService,
    private readonly sources: CapitalSourcesService,
    private readonly sectors: SectorsService,
    private readonly checks: ApplicationChecksService,
    private readonly businessDate: BusinessDateService,
    private readonly documents: ApplicationDocumentsService,
  ) {}

  async create(actor: Actor, dto: CreateLoanApplicationDto): Promise<LoanApplicationDto> {
    assertCollateral(dto);
    this.borrowers.assertVisible(actor, dto.borrowerId);
    return this.tx.run(async (m) => {
      await this.borrowers.facts(m, dto.borrowerId);
      await this.sources.availableForNewLoans(m, dto.capitalSourceId);
      await this.sectors.assertExists(m, dto.sectorVersion, dto.sectorCode);
      const product = await this.products.currentVersion(m, dto.productId);
      const exempt = dto.collateralExempt ?? false;
      const [{ id }] = (await m.query(
        `INSERT INTO loan_applications (borrower_id, product_version_id, capital_source_id, requested_amount, term_months, repayment_frequency,
           purpose, sector_version, sector_code, total_investment, own_contribution, collateral_description, collateral_value, collateral_exempt,
           collateral_exemption_reason, credit_report_reference, credit_report_date, created_by, collateral_exemption_regulation, collateral_exemption_decision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
        [
          dto.borrowerId,
          product.id,
          dto.capitalSourceId,
          dto.requestedAmount,
          dto.termMonths,
          dto.repaymentFrequency,
          dto.purpose,
          dto.sectorVersion,
          dto.sectorCode,
          dto.totalInvestment,
          dto.ownContribution,
          exempt ? null : dto.collateralDescription,
          exempt ? null : dto.collateralValue,
          exempt,
          exempt ? dto.collateralExemptionReason : null,
          dto.creditReportReference ?? null,
          dto.creditReportDate ?? null,
          actor.userId,
          exempt ? (dto.collateralExemptionRegulation ?? null) : null,
          exempt ? (dto.collateralExemptionDecision ?? null) : null,
        ],
      )) as Array<{ id: string }>;
      await this.history(m, actor, String(id), null, 'DRAFT', null);
      const created = await loadApplication(m, actor, String(id));
      await this.audit.record(m, actor, { action: 'loan-application.create', entityType: 'loan-application', entityId: created.id, after: created });
      return created;
    });
  }

  async get(actor: Actor, id: string): Promise<LoanApplicationDto> {
    return loadApplication(this.tx.manager, actor, id);
  }

  async list(actor: Actor, q: LoanApplicationQueryDto): Promise<Page<LoanApplicationDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (isCooperativeOnly(actor)) where.push(`a.borrower_id = $${params.push(actor.borrowerId ?? '0')}`);
    if (q.borrowerId) where.push(`a.borrower_id = $${params.push(q.borrowerId)}`);
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    // The same definitions as the home page's work queues (workspace work-queues.service.ts).
    if (q.queue === 'to-appraise') {
      where.push(`(a.status = 'SUBMITTED' OR (a.status = 'UNDER_APPRAISAL' AND NOT EXISTS (SELECT 1 FROM appraisals p WHERE p.application_id = a.id)))`);
    }
    if (q.queue === 'awaiting-approval') where.push(`a.status = 'UNDER_APPRAISAL' AND EXISTS (SELECT 1 FROM appraisals p WHERE p.application_id = a.id)`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = await listApplicationRows(this.tx.manager, clause, params, q.pageSize, offsetOf(q));
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM loan_applications a ${clause}`, params)) as Array<{ total: number }>;
    return { items, page: q.page, pageSize: q.pageSize, total };
  }

  /** Checks at submission use the requested amount and term (domain.md "Lending conditions"); the checklist first (README "The loan file"). */
  async submit(actor: Actor, id: string, options: DecisionOptions = {}): Promise<LoanApplicationDto> {
    return this.transition(actor, id, 'submit', null, async (m, app) => {
      await this.documents.assertComplete(m, app);
      await this.checks.assertLendable(
        m,
        app,
        { amount: app.requestedAmount, termMonths: app.termMonths, ratePercent: null },
        await this.today(m),
        options.waive,
      );
      await m.query(`UPDATE loan_applications SET submitted_by = $2, submitted_at = now() WHERE id = $1`, [id, actor.userId]);
    });
  }

  async startAppraisal(actor: Actor, id: string): Promise<LoanApplicationDto> {
    return this.transition(actor, id, 'startAppraisal', null);
  }

  /** Four eyes, then every check again with the approved figures on the decision date. */
  async approve(actor: Actor, id: string, dto: ApproveApplicationDto, options: DecisionOptions = {}): Promise<LoanApplicationDto> {
    return this.transition(actor, id, 'approve', dto.note ?? null, async (m, app) => {
      await this.assertFourEyes(m, actor, app);
      await this.documents.assertComplete(m, app);
      const decisionDate = await this.today(m);
      await this.checks.assertLendable(
        m,
        app,
        { amount: dto.approvedAmount, termMonths: dto.approvedTermMonths, ratePercent: dto.approvedRatePercent },
        decisionDate,
        options.waive,
      );
      await m.query(
        `UPDATE loan_applications SET decided_by = $2, decided_at = now(), decision_date = $3, approved_amount = $4, approved_term_months = $5,
           approved_rate_percent = $6 WHERE id = $1`,
        [id, actor.userId, decisionDate, dto.approvedAmount, dto.approvedTermMonths, dto.approvedRatePercent],
      );
    });
  }

  async reject(actor: Actor, id: string, dto: RejectApplicationDto): Promise<LoanApplicationDto> {
    return this.transition(actor, id, 'reject', dto.reason, async (m, app) => {
      await this.assertFourEyes(m, actor, app);
      await m.query(`UPDATE loan_applications SET decided_by = $2, decided_at = now(), decision_date = $3, rejection_reason = $4 WHERE id = $1`, [
        id,
        actor.userId,
        await this.today(m),
        dto.reason,
      ]);
    });
  }

  async withdraw(actor: Actor, id: string, note: string | null): Promise<LoanApplicationDto> {
    return this.transition(actor, id, 'withdraw', note);
  }

  /** Every transition goes through the one table in domain/; illegal ones are 409, all are audited. */
  private async transition(
    actor: Actor,
    id: string,
    action: ApplicationAction,
    note: string | null,
    apply?: (m: EntityManager, app: LoanApplicationDto) => Promise<void>,
  ): Promise<LoanApplicationDto> {
    return this.tx.run(async (m) => {
      const before = await loadApplication(m, actor, id, true);
      const to = nextStatus(before.status, action);
      if (!to) throw new DomainError(ApplicationErrors['APPLICATION.ILLEGAL_TRANSITION'], { action, currentStatus: before.status });
      if (apply) await apply(m, before);
      await m.query(`UPDATE loan_applications SET status = $2, updated_at = now() WHERE id = $1`, [id, to]);
      await this.history(m, actor, id, before.status, to, note);
      const after = await loadApplication(m, actor, id);
      await this.audit.record(m, actor, { action: `loan-application.${action}`, entityType: 'loan-application', entityId: id, before, after });
      return after;
    });
  }

  /** The approver may never be the user who created, submitted or appraised the application. */
  private async assertFourEyes(m: EntityManager, actor: Actor, app: LoanApplicationDto): Promise<void> {
    const appraisers: Array<{ appraised_by: string }> = await m.query(`SELECT DISTINCT appraised_by FROM appraisals WHERE application_id = $1`, [app.id]);
    if (appraisers.length === 0) throw new DomainError(ApplicationErrors['APPLICATION.APPRAISAL_REQUIRED'], { id: app.id });
    const preparers = new Set([app.createdBy, app.submittedBy, ...appraisers.map((a) => String(a.appraised_by))]);
    if (actor.userId === null || preparers.has(actor.userId)) throw new DomainError(ApplicationErrors['APPLICATION.FOUR_EYES'], { id: app.id });
  }

  private async history(m: EntityManager, actor: Actor, id: string, from: ApplicationStatus | null, to: ApplicationStatus, note: string | null): Promise<void> {
    await m.query(
      `INSERT INTO application_status_history (application_id, from_status, to_status, actor_id, actor_username, note) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, actor.userId, actor.username, note],
    );
  }

  /** The decision date is the business date (the 15%/25% limits use the charter capital in force on it). */
  private today(m: EntityManager): Promise<string> {
    return this.businessDate.current(m);
  }
}

function assertCollateral(dto: CreateLoanApplicationDto): void {
  const missing = dto.collateralExempt
    ? dto.collateralExemptionReason
      ? []
      : ['collateralExemptionReason']
    : (['collateralDescription', 'collateralValue'] as const).filter((f) => dto[f] === undefined);
  if (missing.length > 0) {
    throw new DomainError(
      'REQUEST.VALIDATION_FAILED',
      { count: missing.length },
      missing.map((field) => ({
        field,
        rule: 'collateral',
        message: `${field} is required ${dto.collateralExempt ? 'for a collateral exemption' : 'unless collateralExempt is true'}`,
      })),
    );
  }
}
