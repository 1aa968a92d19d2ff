import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { daysBetween } from '../../../platform/dates/index.js';
import { AppraisalsService, LoanApplicationsService } from '../../applications/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor, Role } from '../../../platform/actor/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { LoanCommandsService, LoanContractsService, LoanOpeningsService, LoanOriginsService } from '../../loans/index.js';
import { dryRun } from '../domain/book-dry-run.js';
import type { BookLoan } from '../domain/book-model.js';
import { LEGACY_WAIVERS } from '../domain/book-rules.js';
import { readBook } from '../domain/book-workbook.js';
import type { BookImportResultDto, CreatedRefDto } from '../dto/book-import.dto.js';
import { BookContextService } from './book-context.service.js';

type Progress = (percent: number, step: string) => Promise<void>;

/**
 * The commit of an approved import (README "Bringing in an existing loan book"): the stored
 * workbook is judged again (reference data may have changed since the dry run), then every
 * borrower, application, contract, disbursement and repayment goes through the owning modules'
 * services (the same rules and the same ledger postings as live work), inside ONE database
 * transaction (TransactionRunner.runAllOrNothing): the book comes in whole or not at all. The
 * import's uploader prepares and the approver approves each application (four eyes as in live
 * lending); LEGACY contracts waive only the product limits they break.
 */
@Injectable()
export class BookCommitService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly context: BookContextService,
    private readonly borrowers: BorrowersService,
    private readonly applications: LoanApplicationsService,
    private readonly appraisals: AppraisalsService,
    private readonly contracts: LoanContractsService,
    private readonly commands: LoanCommandsService,
    private readonly origins: LoanOriginsService,
    private readonly openings: LoanOpeningsService,
    private readonly audit: AuditService,
  ) {}

  async run(id: string, report: (percent: number) => Promise<void>): Promise<void> {
    const [row] = (await this.db.query(
      `SELECT id::text, status, file_name, content_sha256, content, origin, commune_choices, uploaded_by::text, approved_by::text FROM book_imports WHERE id = $1`,
      [id],
    )) as Array<{
      id: string;
      status: string;
      file_name: string;
      content_sha256: string;
      content: Buffer;
      origin: string | null;
      commune_choices: Record<string, string>;
      uploaded_by: string;
      approved_by: string;
    }>;
    if (!row || (row.status !== 'APPROVED' && row.status !== 'RUNNING')) return;
    // Progress is written outside the commit's transaction, so it is visible while the job runs.
    const progress: Progress = async (percent, step) => {
      await this.db.query(`UPDATE book_imports SET progress_percent = $2, progress_step = $3 WHERE id = $1`, [id, percent, step]);
      await report(percent);
    };
    await this.db.query(`UPDATE book_imports SET status = 'RUNNING', failure = NULL WHERE id = $1`, [id]);
    await progress(1, 'Kiểm tra lại tệp');
    const uploader = await this.actorOf(row.uploaded_by, id);
    const approver = await this.actorOf(row.approved_by, id);
    const raw = await readBook(row.content);
    const g = await this.context.gather(this.db.manager, row.commune_choices);
    const { stored, book } = dryRun(raw, g.ctx, g.calendar, g.sectorName);
    if (stored.errors.length > 0)
      throw new Error(
        `the workbook no longer passes its checks: ${stored.errors.length} error(s), first: ${stored.errors[0].sheet} row ${stored.errors[0].row} ${stored.errors[0].message.en}`,
      );
    const business = g.ctx.businessDate;
    const total = book.borrowers.length + book.loans.length;
    let done = 0;
    const result = await this.tx.runAllOrNothing(async (m) => {
      const borrowerIds = new Map<string, string>();
      const createdBorrowers: CreatedRefDto[] = [];
      for (const b of book.borrowers) {
        if (b.existingId) {
          borrowerIds.set(b.ref, b.existingId);
          createdBorrowers.push({ ref: b.ref, id: b.existingId, contractNumber: null, name: b.legalName, existing: true });
        } else {
          const created = await this.borrowers.create(uploader, {
            type: b.type as 'COOPERATIVE',
            identityCode: b.identityCode,
            legalName: b.legalName,
            shortName: b.shortName ?? undefined,
            legalRepresentative: b.legalRepresentative ?? undefined,
            phone: b.phone ?? undefined,
            memberCount: b.memberCount ?? undefined,
            charterCapital: b.charterCapital ?? undefined,
            provinceCode: this.config.fundProvinceCode,
            communeCode: b.communeCode as string,
            sectorVersion: 'VSIC2018',
            sectorCode: b.sectorCode,
          });
          borrowerIds.set(b.ref, created.id);
          createdBorrowers.push({ ref: b.ref, id: created.id, contractNumber: null, name: created.legalName, existing: false });
        }
        done += 1;
        if (done % 10 === 0) await progress(Math.min(99, 2 + Math.floor((done * 97) / total)), `Khách hàng ${done}/${book.borrowers.length}`);
      }
      const loans: CreatedRefDto[] = [];
      let openingJournalId: string | null = null;
      const ordered = book.loans.slice().sort((a, b) => (a.signingDate < b.signingDate ? -1 : a.signingDate > b.signingDate ? 1 : a.row - b.row));
      for (const [i, loan] of ordered.entries()) {
        const borrowerId = borrowerIds.get(loan.borrowerRef) ?? g.ctx.existingBorrowers.get(loan.borrowerRef)?.id;
        if (!borrowerId) throw new Error(`loan ${loan.ref}: borrower ${loan.borrowerRef} not found`);
        try {
          const created = await this.commitLoan(uploader, approver, borrowerId, loan, row.origin, business);
          openingJournalId ??= created.openingJournalId;
          loans.push({ ref: loan.ref, id: created.id, contractNumber: created.contractNumber, name: null, existing: false });
        } catch (e) {
          throw new Error(`loan ${loan.ref} (Loans row ${loan.row}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        done += 1;
        await progress(Math.min(99, 2 + Math.floor((done * 97) / total)), `Khoản vay ${i + 1}/${ordered.length}`);
      }
      const out: BookImportResultDto = { importId: id, status: 'COMMITTED', borrowers: createdBorrowers, loans, openingJournalId, auditEventId: null };
      out.auditEventId = await this.audit.record(m, approver, {
        action: 'book-import.commit',
        entityType: 'book_import',
        entityId: id,
        after: {
          fileName: row.file_name,
          sha256: row.content_sha256,
          uploadedBy: uploader.userId,
          approvedBy: approver.userId,
          businessDate: business,
          counts: stored.counts,
          disbursedTotal: stored.disbursedTotal,
          outstandingTotal: stored.outstandingTotal,
          borrowers: createdBorrowers.map((b) => b.id),
          loans: loans.map((l) => l.id),
        },
      });
      await m.query(
        `UPDATE book_imports SET status = 'COMMITTED', committed_at = now(), result = $2, progress_percent = 100, progress_step = NULL WHERE id = $1`,
        [id, JSON.stringify(out)],
      );
      return out;
    });
    await report(100);
    void result;
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.db.query(`UPDATE book_imports SET status = 'FAILED', failure = $2 WHERE id = $1`, [id, reason.slice(0, 2000)]);
  }

  /**
   * One contract through the lending flow, then its history through the loan commands (backdated: the engine replays it),
   * or its opening position at the cut-over date (LoanOpeningsService: the engine's OPENING_POSITION event and the opening balances).
   */
  private async commitLoan(
    uploader: Actor,
    approver: Actor,
    borrowerId: string,
    loan: BookLoan,
    defaultOrigin: string | null,
    business: string,
  ): Promise<{ id: string; contractNumber: string; openingJournalId: string | null }> {
    const amount = loan.amount.toFixed();
    const firstDisbursement =
      loan.opening?.firstDisbursementDate ??
      loan.events
        .filter((e) => e.kind === 'DISBURSEMENT')
        .map((e) => e.date)
        .sort()[0] ??
      loan.signingDate;
    const waive = loan.legacy.map((l) => LEGACY_WAIVERS[l.rule]);
    const app = await this.applications.create(uploader, {
      borrowerId,
      productId: loan.product.productId,
      capitalSourceId: loan.capitalSource.id,
      requestedAmount: amount,
      termMonths: loan.termMonths,
      repaymentFrequency: loan.frequency as 'MONTHLY',
      purpose: loan.purpose,
      sectorVersion: 'VSIC2018',
      sectorCode: loan.sectorCode,
      // The old file carries no investment plan: the contract amount stands for it (80% rule met by construction, domain.md "Lending conditions").
      totalInvestment: loan.amount.times(5).div(4).ceil().toFixed(),
      ownContribution: loan.amount.div(4).ceil().toFixed(),
      collateralDescription: `Theo hợp đồng ${loan.ref} (sổ cũ)`,
      collateralValue: amount,
      creditReportReference: `BOOK-${loan.ref}`.slice(0, 100),
      creditReportDate: firstDisbursement,
    });
    const rate = loan.ratePercent.toFixed();
    await this.applications.submit(uploader, app.id, { waive });
    await this.applications.startAppraisal(uploader, app.id);
    await this.appraisals.record(uploader, app.id, {
      findings: `Hợp đồng nhập từ sổ cũ ${loan.ref}`,
      recommendedAmount: amount,
      recommendedTermMonths: loan.termMonths,
      recommendedRatePercent: rate,
      riskRating: 'LOW',
    });
    await this.applications.approve(
      approver,
      app.id,
      { approvedAmount: amount, approvedTermMonths: loan.termMonths, approvedRatePercent: rate, note: `Nhập sổ: ${loan.ref}` },
      { waive },
    );
    const contract = await this.contracts.create(uploader, app.id, { signingDate: loan.signingDate });
    await this.origins.tag(uploader, contract.id, { legacyRules: loan.legacy.map((l) => l.rule), origin: loan.origin ?? defaultOrigin });
    if (loan.opening) {
      const o = loan.opening;
      const opened = await this.openings.open(uploader, contract.id, {
        cutOverDate: o.cutOverDate,
        firstDisbursementDate: o.firstDisbursementDate,
        disbursedPrincipal: o.disbursedPrincipal,
        outstandingPrincipal: o.outstandingPrincipal,
        overduePrincipal: o.overduePrincipal,
        overdueInterest: o.overdueInterest,
        accruedInterest: o.accruedInterest,
        daysPastDue: o.dpd,
        debtGroup: o.debtGroup,
        reference: `${loan.ref}/OpeningPositions/${o.row}`.slice(0, 100),
      });
      return { id: contract.id, contractNumber: contract.contractNumber, openingJournalId: opened.journalTransactionId };
    }
    const events = loan.events
      .slice()
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? a.row - b.row : a.kind === 'DISBURSEMENT' ? -1 : 1));
    for (const e of events) {
      const dto = {
        amount: e.amount.toFixed(),
        valueDate: e.date,
        reference: (e.reference ?? `${loan.ref}/${e.sheet}/${e.row}`).slice(0, 100),
        channel: 'OTHER' as const,
      };
      if (e.kind === 'DISBURSEMENT') await this.commands.disburse(uploader, contract.id, dto);
      else await this.commands.repay(uploader, contract.id, dto, { backdateDays: daysBetween(e.date, business) + 1 });
    }
    return { id: contract.id, contractNumber: contract.contractNumber, openingJournalId: null };
  }

  private async actorOf(userId: string, importId: string): Promise<Actor> {
    const [u] = (await this.db.query(
      `SELECT u.id::text, u.username, coalesce(array_agg(r.role_code) FILTER (WHERE r.role_code IS NOT NULL), '{}') AS roles
       FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    )) as Array<{ id: string; username: string; roles: Role[] }>;
    return { userId: u.id, username: u.username, roles: u.roles, borrowerId: null, requestId: `book-import-${importId}` };
  }
}
