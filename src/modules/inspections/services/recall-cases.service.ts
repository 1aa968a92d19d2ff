import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanAccelerationService, loanStore } from '../../loans/index.js';
import type { Finding } from '../domain/inspection-rules.js';
import type { DecideRecallDto, RecallCaseDto, RecallQueryDto } from '../dto/inspection.dto.js';
import { InspectionErrors } from '../inspections.errors.js';

interface RecallRow {
  id: string;
  loan_id: string;
  contract_number: string;
  borrower_id: string;
  borrower_name: string;
  inspection_id: string;
  finding: Finding;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  reason: string;
  recall_date: string;
  outstanding_principal: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: Date;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  principal_recalled: string | null;
}

const SELECT = `SELECT r.id::text AS id, r.loan_id::text AS loan_id, l.contract_number, l.borrower_id::text AS borrower_id, b.legal_name AS borrower_name,
    r.inspection_id::text AS inspection_id, i.finding, r.status, r.reason, r.recall_date::text AS recall_date, l.outstanding_principal::text AS outstanding_principal,
    r.proposed_by::text AS proposed_by, p.display_name AS proposed_by_name, r.proposed_at, d.display_name AS decided_by_name, r.decided_at, r.decision_note,
    r.principal_recalled::text AS principal_recalled
  FROM recall_cases r JOIN loans l ON l.id = r.loan_id JOIN borrowers b ON b.id = l.borrower_id JOIN use_inspections i ON i.id = r.inspection_id
  JOIN users p ON p.id = r.proposed_by LEFT JOIN users d ON d.id = r.decided_by`;

const toDto = (r: RecallRow): RecallCaseDto => ({
  id: r.id,
  loanId: r.loan_id,
  contractNumber: r.contract_number,
  borrowerId: r.borrower_id,
  borrowerName: r.borrower_name,
  inspectionId: r.inspection_id,
  finding: r.finding,
  status: r.status,
  reason: r.reason,
  recallDate: r.recall_date,
  outstandingPrincipal: r.outstanding_principal,
  proposedBy: r.proposed_by,
  proposedByName: r.proposed_by_name,
  proposedAt: new Date(r.proposed_at).toISOString(),
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  decisionNote: r.decision_note,
  principalRecalled: r.principal_recalled,
});

/**
 * Recall before term (thu hồi nợ trước hạn) after a misuse finding, four eyes: the officer who
 * recorded the inspection proposes, an approver other than them decides. Approval makes the
 * remaining principal fall due on the recall date through the loans module's acceleration (same
 * transaction, audited); the close then bills and ages it like any due amount.
 */
@Injectable()
export class RecallCasesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly acceleration: LoanAccelerationService,
  ) {}

  async list(_actor: Actor, q: RecallQueryDto): Promise<Page<RecallCaseDto>> {
    const m = this.tx.manager;
    const status = q.status ?? null;
    const rows: RecallRow[] = await m.query(`${SELECT} WHERE $1::text IS NULL OR r.status = $1 ORDER BY r.id DESC LIMIT $2 OFFSET $3`, [
      status,
      q.pageSize,
      offsetOf(q),
    ]);
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM recall_cases r WHERE $1::text IS NULL OR r.status = $1`, [status])) as Array<{
      total: number;
    }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }

  /** Authorised like the loan (a cooperative user: its own loans' cases). */
  async get(actor: Actor, id: string): Promise<RecallCaseDto> {
    const m = this.tx.manager;
    const r = await this.find(m, id);
    await loanStore.find(m, actor, r.loan_id, false);
    return toDto(r);
  }

  async forLoan(actor: Actor, loanId: string): Promise<RecallCaseDto[]> {
    const m = this.tx.manager;
    await loanStore.find(m, actor, loanId, false);
    const rows: RecallRow[] = await m.query(`${SELECT} WHERE r.loan_id = $1 ORDER BY r.id`, [loanId]);
    return rows.map(toDto);
  }

  async approve(actor: Actor, id: string, dto: DecideRecallDto): Promise<RecallCaseDto> {
    return this.tx.run(async (m) => {
      const r = await this.proposed(m, actor, id);
      const recallDate = dto.recallDate ?? r.recall_date;
      const result = await this.acceleration.accelerate(m, actor, r.loan_id, {
        dueDate: recallDate,
        reason: `Thu hồi nợ trước hạn: ${r.reason}`,
        proposedBy: r.proposed_by,
      });
      await m.query(
        `UPDATE recall_cases SET status = 'APPROVED', decided_by = $2, decided_at = now(), decision_note = $3, recall_date = $4, principal_recalled = $5, restructuring_id = $6
         WHERE id = $1`,
        [id, actor.userId, dto.note ?? null, recallDate, result.principalRecalled, result.restructuringId],
      );
      const out = toDto(await this.find(m, id));
      await this.audit.record(m, actor, { action: 'loan.recall.approve', entityType: 'loan', entityId: r.loan_id, before: toDto(r), after: out });
      return out;
    });
  }

  async reject(actor: Actor, id: string, dto: DecideRecallDto): Promise<RecallCaseDto> {
    return this.tx.run(async (m) => {
      const r = await this.proposed(m, actor, id);
      await m.query(`UPDATE recall_cases SET status = 'REJECTED', decided_by = $2, decided_at = now(), decision_note = $3 WHERE id = $1`, [
        id,
        actor.userId,
        dto.note ?? null,
      ]);
      const out = toDto(await this.find(m, id));
      await this.audit.record(m, actor, { action: 'loan.recall.reject', entityType: 'loan', entityId: r.loan_id, before: toDto(r), after: out });
      return out;
    });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<RecallRow> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('recall case', id);
    if (lock) await m.query(`SELECT 1 FROM recall_cases WHERE id = $1 FOR UPDATE`, [id]);
    const [r] = (await m.query(`${SELECT} WHERE r.id = $1`, [id])) as RecallRow[];
    if (!r) throw notFound('recall case', id);
    return r;
  }

  /** The PROPOSED case, locked; four eyes: its proposer may not decide it. */
  private async proposed(m: EntityManager, actor: Actor, id: string): Promise<RecallRow> {
    const r = await this.find(m, id, true);
    if (r.status !== 'PROPOSED') throw new DomainError(InspectionErrors['RECALL.NOT_PROPOSED'], { id, status: r.status });
    if (r.proposed_by === actor.userId) throw new DomainError(InspectionErrors['RECALL.FOUR_EYES'], { id });
    return r;
  }
}
