import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { AttachmentOwners } from '../../attachments/index.js';
import { BusinessDateService } from '../../../modules/business-date/index.js';
import { DisbursementGuards, loanStore, type LoanRow } from '../../loans/index.js';
import { inspectionDueDate, opensRecall, trancheAllowed, type Finding } from '../domain/inspection-rules.js';
import type { InspectionDto, InspectionQueryDto, InspectionSummaryDto, RecordInspectionDto } from '../dto/inspection.dto.js';
import { InspectionErrors } from '../inspections.errors.js';
import { PENDING, inspectionRows, inspectionSelect, toInspectionDto } from './inspection-records.js';

const ID = /^\d{1,19}$/;

/**
 * Checks on the use of the money (kiểm tra sử dụng vốn vay, README "The loan file"): each live
 * disbursement falls due for an inspection within its product's period; the officer records the
 * visit (date, who, finding, amount verified, notes; photos and receipts as documents of the
 * inspection). A misuse finding opens a recall case for an approver (RecallCasesService). Where
 * the product says so, a later tranche waits for the previous one's USED_AS_PLANNED finding (a
 * disbursement guard registered with the loans module).
 */
@Injectable()
export class InspectionsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly guards: DisbursementGuards,
    private readonly owners: AttachmentOwners,
  ) {}

  onModuleInit(): void {
    this.guards.register((m, loan) => this.assertTrancheAllowed(m, loan));
    // An inspection's photos and receipts are the fund's record: a cooperative reads them for its own loans.
    this.owners.register('INSPECTION', {
      cooperativeMayUpload: false,
      async borrowerOf(m, id) {
        const rows: Array<{ borrower_id: string }> = await m.query(
          `SELECT l.borrower_id FROM use_inspections i JOIN loans l ON l.id = i.loan_id WHERE i.id = $1`,
          [id],
        );
        return rows[0] ? String(rows[0].borrower_id) : null;
      },
    });
  }

  /** Every disbursement of a loan with its inspection; authorised like the loan. */
  async forLoan(actor: Actor, loanId: string): Promise<InspectionDto[]> {
    const m = this.tx.manager;
    await loanStore.find(m, actor, loanId, false);
    const business = await this.businessDate.current(m);
    const rows = await inspectionRows(m, 'AND e.loan_id = $1', 'ORDER BY d.tranche_no', [loanId]);
    return rows.map((r) => toInspectionDto(r, business));
  }

  /** The officers' queue and the report: pending (DUE and OVERDUE) by default, oldest due first. */
  async list(_actor: Actor, q: InspectionQueryDto): Promise<Page<InspectionDto>> {
    const m = this.tx.manager;
    const business = await this.businessDate.current(m);
    const params: unknown[] = [business];
    const inner = q.borrowerId ? `AND l.borrower_id = $${params.push(q.borrowerId)}` : '';
    const where =
      q.status === 'DONE'
        ? 'i.id IS NOT NULL'
        : q.status === 'OVERDUE'
          ? `${PENDING} AND d.computed_due < $1`
          : q.status === 'DUE'
            ? `${PENDING} AND d.computed_due >= $1`
            : `${PENDING} AND $1::date IS NOT NULL`;
    const order = q.status === 'DONE' ? 'i.recorded_at DESC, d.event_id' : 'due_date, d.event_id';
    const rows = await inspectionRows(m, inner, `WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      q.pageSize,
      offsetOf(q),
    ]);
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM (${inspectionSelect(inner, `WHERE ${where}`)}) x`, params)) as Array<{
      total: number;
    }>;
    return { items: rows.map((r) => toInspectionDto(r, business)), page: q.page, pageSize: q.pageSize, total };
  }

  async summary(_actor: Actor): Promise<InspectionSummaryDto> {
    const m = this.tx.manager;
    const business = await this.businessDate.current(m);
    const [row] = (await m.query(
      `SELECT count(*) FILTER (WHERE ${PENDING} AND d.computed_due >= $1)::int AS due,
              count(*) FILTER (WHERE ${PENDING} AND d.computed_due < $1)::int AS overdue,
              coalesce(sum(d.disbursed_amount) FILTER (WHERE ${PENDING} AND d.computed_due < $1), 0)::text AS overdue_amount,
              count(i.id)::int AS done,
              count(i.id) FILTER (WHERE i.finding <> 'USED_AS_PLANNED')::int AS misuse
       FROM (SELECT e.id AS event_id, l.status AS loan_status, e.amount AS disbursed_amount, e.value_date + v.inspection_days AS computed_due
             FROM loan_events e JOIN loans l ON l.id = e.loan_id JOIN loan_product_versions v ON v.id = l.product_version_id
             WHERE e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL) d
       LEFT JOIN use_inspections i ON i.disbursement_event_id = d.event_id`,
      [business],
    )) as Array<{ due: number; overdue: number; overdue_amount: string; done: number; misuse: number }>;
    return { businessDate: business, due: row.due, overdue: row.overdue, overdueAmount: row.overdue_amount, done: row.done, misuse: row.misuse };
  }

  async record(actor: Actor, loanId: string, dto: RecordInspectionDto): Promise<InspectionDto> {
    return this.tx.run(async (m) => {
      const loan = await loanStore.find(m, actor, loanId, true);
      const [event] = (await m.query(
        `SELECT e.id::text AS id, e.value_date::text AS value_date, e.amount::text AS amount, v.inspection_days
         FROM loan_events e JOIN loans l ON l.id = e.loan_id JOIN loan_product_versions v ON v.id = l.product_version_id
         WHERE e.id = $1 AND e.loan_id = $2 AND e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL`,
        [dto.disbursementEventId, loanId],
      )) as Array<{ id: string; value_date: string; amount: string; inspection_days: number }>;
      if (!event) throw notFound('disbursement', dto.disbursementEventId);
      const [existing] = (await m.query(`SELECT id FROM use_inspections WHERE disbursement_event_id = $1`, [event.id])) as Array<{ id: string }>;
      if (existing) throw new DomainError(InspectionErrors['INSPECTION.ALREADY_RECORDED'], { disbursementEventId: event.id });
      const business = await this.businessDate.current(m);
      if (dto.visitDate < event.value_date || dto.visitDate > business) {
        throw new DomainError(InspectionErrors['INSPECTION.VISIT_DATE_INVALID'], { limit: event.value_date, business, actual: dto.visitDate }, [
          { field: 'visitDate', rule: 'between', message: `between ${event.value_date} and ${business}` },
        ]);
      }
      if (new Money(dto.amountVerified).gt(event.amount)) {
        throw new DomainError(InspectionErrors['INSPECTION.AMOUNT_ABOVE_DISBURSED'], { limit: event.amount, actual: dto.amountVerified }, [
          { field: 'amountVerified', rule: 'max', message: `at most ${event.amount}` },
        ]);
      }
      const recall = opensRecall(dto.finding, dto.openRecall ?? false);
      if (recall) await this.assertRecallCanOpen(m, loan, business, dto.recallDate);
      const [{ id }] = (await m.query(
        `INSERT INTO use_inspections (loan_id, disbursement_event_id, due_date, visit_date, inspectors, finding, amount_verified, notes, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
        [
          loanId,
          event.id,
          inspectionDueDate(event.value_date, event.inspection_days),
          dto.visitDate,
          dto.inspectors,
          dto.finding,
          dto.amountVerified,
          dto.notes ?? null,
          actor.userId,
        ],
      )) as Array<{ id: string }>;
      if (recall) {
        await m.query(`INSERT INTO recall_cases (loan_id, inspection_id, reason, recall_date, proposed_by) VALUES ($1, $2, $3, $4, $5)`, [
          loanId,
          id,
          dto.notes?.trim() || reasonOf(dto.finding),
          dto.recallDate,
          actor.userId,
        ]);
      }
      const [row] = await inspectionRows(m, 'AND e.loan_id = $1', 'WHERE i.id = $2', [loanId, id]);
      const out = toInspectionDto(row, business);
      await this.audit.record(m, actor, { action: 'loan.inspection.record', entityType: 'loan', entityId: loanId, after: out });
      return out;
    });
  }

  /** The inspection's loan, checked visible to the actor (for its documents' routes). */
  async assertVisible(actor: Actor, inspectionId: string): Promise<void> {
    if (!ID.test(inspectionId)) throw notFound('inspection', inspectionId);
    await this.owners.assertVisible(this.tx.manager, actor, 'INSPECTION', inspectionId);
  }

  private async assertRecallCanOpen(m: EntityManager, loan: LoanRow, business: string, recallDate: string | undefined): Promise<void> {
    if (!recallDate || recallDate <= business) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: 'recallDate', rule: 'afterBusinessDate', message: `a recall needs the date the remaining principal falls due, after ${business}` },
      ]);
    }
    const [open] = (await m.query(`SELECT id::text AS id FROM recall_cases WHERE loan_id = $1 AND status = 'PROPOSED'`, [loan.id])) as Array<{ id: string }>;
    if (open) throw new DomainError(InspectionErrors['RECALL.ALREADY_OPEN'], { id: open.id });
  }

  /** The tranche rule (product parameter trancheRequiresInspection), inside the disbursement's transaction. */
  private async assertTrancheAllowed(m: EntityManager, loan: LoanRow): Promise<void> {
    if (loan.tranche_count === 0) return;
    const [product] = (await m.query(`SELECT tranche_requires_inspection FROM loan_product_versions WHERE id = $1`, [loan.product_version_id])) as Array<{
      tranche_requires_inspection: boolean;
    }>;
    if (!product?.tranche_requires_inspection) return;
    const [previous] = (await m.query(
      `SELECT e.value_date::text AS value_date, i.finding FROM loan_events e LEFT JOIN use_inspections i ON i.disbursement_event_id = e.id
       WHERE e.loan_id = $1 AND e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL ORDER BY e.value_date DESC, e.id DESC LIMIT 1`,
      [loan.id],
    )) as Array<{ value_date: string; finding: Finding | null }>;
    if (!trancheAllowed(true, loan.tranche_count, previous?.finding ?? null)) {
      throw new DomainError(InspectionErrors['INSPECTION.TRANCHE_NEEDS_INSPECTION'], {
        rule: 'previous tranche inspected as USED_AS_PLANNED',
        limit: previous?.value_date ?? '',
        actual: previous?.finding ?? 'NOT_INSPECTED',
      });
    }
  }
}

function reasonOf(finding: Finding): string {
  return finding === 'NOT_AS_PLANNED'
    ? 'Sử dụng vốn vay không đúng mục đích (biên bản kiểm tra)'
    : 'Sử dụng vốn vay đúng mục đích một phần (biên bản kiểm tra)';
}
