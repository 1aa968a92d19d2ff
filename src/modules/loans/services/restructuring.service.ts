import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { type LocalDate, type WorkingCalendar, yearOf } from '../../../platform/dates/index.js';
import { CalendarService } from '../../calendar/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import {
  type LoanState,
  type NewInstallment,
  type RestructuringType,
  type ScheduleChange,
  currentMaturity,
  daysPastDue,
  extensionPlan,
  validateScheduleChange,
} from '../domain/index.js';
import type { DecisionDto, ProposeRestructuringDto, RestructuringDto } from '../dto/restructuring.dto.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanRiskErrors } from '../loans-risk.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.service.js';
import { LoanPostings } from './loan-postings.service.js';
import { FourEyesProposal } from './four-eyes-proposal.js';
import { type LoanRow, loanStore } from './loan-store.repository.js';
import { toInstallmentDtos } from './loan-views.mapper.js';

interface StoredInstallment {
  dueDate: string;
  principal: string;
  interestDate: boolean;
}

interface RestructuringRow {
  id: string;
  loan_id: string;
  type: RestructuringType;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  reason: string;
  proposed_date: string;
  previous_maturity_date: string;
  new_maturity_date: string | null;
  installments: StoredInstallment[];
  effective_date: string | null;
  applied_installments: StoredInstallment[] | null;
  proposed_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

const COLUMNS = `id::text, loan_id::text, type, status, reason, proposed_date::text, previous_maturity_date::text, new_maturity_date::text,
  installments, effective_date::text, applied_installments, proposed_by::text, decided_by::text, decided_at, decision_note`;

function toDto(r: RestructuringRow): RestructuringDto {
  return {
    id: r.id,
    loanId: r.loan_id,
    type: r.type,
    status: r.status,
    reason: r.reason,
    proposedDate: r.proposed_date,
    previousMaturityDate: r.previous_maturity_date,
    newMaturityDate: r.new_maturity_date,
    installments: r.applied_installments ?? r.installments,
    effectiveDate: r.effective_date,
    proposedBy: r.proposed_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
  };
}

const PROPOSALS = new FourEyesProposal<RestructuringRow, RestructuringDto>({
  table: 'loan_restructurings',
  columns: COLUMNS,
  entity: 'restructuring',
  action: 'loan.restructuring',
  errors: { notProposed: LoanRiskErrors['RESTRUCTURING.NOT_PROPOSED'], fourEyes: LoanRiskErrors['RESTRUCTURING.FOUR_EYES'] },
  toDto,
});

const toPlan = (rows: readonly StoredInstallment[]): NewInstallment[] =>
  rows.map((r) => ({ dueDate: r.dueDate, principal: new Money(r.principal), interestDate: r.interestDate }));
const toStored = (plan: readonly NewInstallment[]): StoredInstallment[] =>
  plan.map((p, k) => ({ dueDate: p.dueDate, principal: p.principal.toFixed(), interestDate: k === plan.length - 1 || p.interestDate !== false }));

/**
 * Restructuring with four eyes (Decree 45 Art. 27; domain.md "Restructuring and risk"): an
 * OFFICER proposes a new schedule, an APPROVER other than the proposer approves (which applies it
 * as a dated ScheduleChange event, keeps the previous schedule in loan_schedule_history and counts
 * a restructuring for classification) or rejects. Money is unchanged: no ledger posting except the
 * accrual catch-up every event makes. Each step is audited in its transaction.
 */
@Injectable()
export class RestructuringService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly postings: LoanPostings,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
  ) {}

  async list(actor: Actor, loanId: string): Promise<RestructuringDto[]> {
    const m = this.tx.manager;
    await loanStore.find(m, actor, loanId, false);
    const rows: RestructuringRow[] = await m.query(`SELECT ${COLUMNS} FROM loan_restructurings WHERE loan_id = $1 ORDER BY id`, [loanId]);
    return rows.map(toDto);
  }

  async propose(actor: Actor, loanId: string, dto: ProposeRestructuringDto): Promise<RestructuringDto> {
    return this.tx.run(async (m) => {
      const { row, state } = await this.activeLoan(m, actor, loanId);
      const open = await PROPOSALS.open(m, loanId, ['PROPOSED']);
      if (open) throw new DomainError(LoanRiskErrors['RESTRUCTURING.ALREADY_PROPOSED'], { id: open.id });
      const { business } = await this.recorder.businessDay(m);
      // docs/working-days.md: an extension's new period dates move off days off like the contract's.
      const calendar =
        dto.type === 'EXTENSION' && dto.newMaturityDate && !dto.installments?.length && state.terms.businessDayRule !== 'NONE'
          ? await this.calendar.workingCalendar(m, yearOf(business), yearOf(dto.newMaturityDate) + 1)
          : undefined;
      const plan = this.planOf(state, business, dto, calendar);
      this.check(state, business, dto.type, plan, dto.newMaturityDate);
      const newMaturity = dto.type === 'EXTENSION' ? plan[plan.length - 1].dueDate : null;
      const [created] = (await m.query(
        `INSERT INTO loan_restructurings (loan_id, type, status, reason, proposed_date, previous_maturity_date, new_maturity_date, installments, proposed_by)
         VALUES ($1, $2, 'PROPOSED', $3, $4, $5, $6, $7::jsonb, $8) RETURNING ${COLUMNS}`,
        [loanId, dto.type, dto.reason, business, currentMaturity(state), newMaturity, JSON.stringify(toStored(plan)), actor.userId],
      )) as RestructuringRow[];
      const out = toDto(created);
      await this.audit.record(m, actor, { action: 'loan.restructuring.propose', entityType: 'loan', entityId: row.id, after: out });
      return out;
    });
  }

  async reject(actor: Actor, loanId: string, id: string, dto: DecisionDto): Promise<RestructuringDto> {
    return this.tx.run((m) => PROPOSALS.reject(m, this.audit, actor, loanId, id, dto.note ?? null));
  }

  /** Approval applies the schedule on the business date; a plan the loan has outgrown since is refused (re-propose). */
  async approve(actor: Actor, loanId: string, id: string, dto: DecisionDto): Promise<RestructuringDto> {
    return this.tx.run(async (m) => {
      const { row, state } = await this.activeLoan(m, actor, loanId);
      const r = await PROPOSALS.lockProposed(m, actor, loanId, id);
      const { business, lastClosed } = await this.recorder.businessDay(m);
      const plan = toPlan(r.installments);
      this.check(state, business, r.type, plan);
      const previous = toInstallmentDtos(state);
      await m.query(`INSERT INTO loan_schedule_history (loan_id, reason, effective_date, installments, created_by) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
        loanId,
        `RESTRUCTURING_${r.type}:${id}`,
        business,
        JSON.stringify(previous),
        actor.userId,
      ]);
      const updated = await PROPOSALS.decide(m, actor, id, 'APPROVED', dto.note ?? null, 'effective_date = $4, applied_installments = $5::jsonb', [
        business,
        JSON.stringify(toStored(plan)),
      ]);
      const event: ScheduleChange = { kind: 'SCHEDULE_CHANGE', date: business, installments: plan };
      const next = await this.recorder.nextState(m, row, event, lastClosed);
      await loanStore.saveState(m, loanId, next.state, { status: row.status, closedOn: row.closed_on });
      await m.query(
        `INSERT INTO loan_events (loan_id, kind, value_date, booking_date, amount, reference, channel, journal_transaction_id, restructuring_id, created_by)
         VALUES ($1, 'SCHEDULE_CHANGE', $2, $2, 0, $3, 'RESTRUCTURING', NULL, $4, $5)`,
        [loanId, business, `CCLN-${id}`, id, actor.userId],
      );
      // Counted for classification (domain.md table: first / second restructuring); DPD follows the new schedule.
      await m.query(`UPDATE loans SET restructuring_count = restructuring_count + 1, days_past_due = $2, position_date = NULL WHERE id = $1`, [
        loanId,
        daysPastDue(next.state, lastClosed),
      ]);
      const fresh = await loanStore.find(m, actor, loanId, false);
      await this.recorder.reallocate(m, actor, fresh, next.others, business);
      // Income is unchanged by a restructuring; the catch-up posts only what was earned and not yet posted.
      await this.postings.accrualCatchUp(m, actor, fresh, next.state, business, business);
      const out = toDto(updated);
      await this.audit.record(m, actor, {
        action: 'loan.restructuring.approve',
        entityType: 'loan',
        entityId: loanId,
        before: { restructuring: toDto(r), maturityDate: row.maturity_date, restructuringCount: row.restructuring_count, schedule: previous },
        after: {
          restructuring: out,
          maturityDate: fresh.maturity_date,
          restructuringCount: fresh.restructuring_count,
          schedule: toInstallmentDtos(next.state),
        },
      });
      return out;
    });
  }

  private async activeLoan(m: EntityManager, actor: Actor, loanId: string): Promise<{ row: LoanRow; state: LoanState }> {
    const row = await loanStore.find(m, actor, loanId, true);
    const state = await loanStore.state(m, row);
    if (row.status !== 'ACTIVE' || !state) throw new DomainError(LoanErrors['LOAN.NOT_ACTIVE'], { status: row.status });
    return { row, state };
  }

  private planOf(state: LoanState, business: LocalDate, dto: ProposeRestructuringDto, calendar?: WorkingCalendar): NewInstallment[] {
    if (dto.installments?.length)
      return toPlan(dto.installments.map((i) => ({ dueDate: i.dueDate, principal: i.principal, interestDate: i.interestDate ?? true })));
    if (dto.type === 'EXTENSION' && dto.newMaturityDate && dto.newMaturityDate > currentMaturity(state))
      return extensionPlan(state, business, dto.newMaturityDate, calendar);
    const field = dto.type === 'EXTENSION' ? 'newMaturityDate' : 'installments';
    const message =
      dto.type === 'EXTENSION' ? `give the installments or a newMaturityDate after ${currentMaturity(state)}` : 'an adjustment gives the new installments';
    throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [{ field, rule: 'required', message }]);
  }

  private check(state: LoanState, date: LocalDate, type: RestructuringType, plan: readonly NewInstallment[], newMaturity?: LocalDate): void {
    const violations = validateScheduleChange(state, date, type, plan);
    const last = plan[plan.length - 1]?.dueDate;
    if (newMaturity && last !== newMaturity)
      violations.push({ field: 'newMaturityDate', rule: 'lastDueDate', message: `the last installment (${last}) must fall on ${newMaturity}` });
    if (violations.length > 0) throw new DomainError(LoanRiskErrors['RESTRUCTURING.INVALID_SCHEDULE'], { date, count: violations.length }, [...violations]);
  }
}
