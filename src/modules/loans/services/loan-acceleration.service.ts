import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { ZERO, sum } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../auth/index.js';
import { type NewInstallment, type ScheduleChange, currentMaturity, daysPastDue, principalToReschedule } from '../domain/index.js';
import { LoanAccelerationErrors } from '../loan-acceleration.errors.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.js';
import { LoanPostings } from './loan-postings.js';
import { loanStore } from './loan-store.js';
import { toInstallmentDtos } from './loan-views.js';

export interface Acceleration {
  /** The date the remaining principal falls due (after the business date, before the maturity). */
  readonly dueDate: LocalDate;
  readonly reason: string;
  /** The maker of the decision (the checker is the acting user; four eyes enforced by the table). */
  readonly proposedBy: string;
}

export interface AccelerationResult {
  readonly restructuringId: string;
  readonly effectiveDate: LocalDate;
  readonly principalRecalled: string;
}

/**
 * Recall before term (thu hồi nợ trước hạn, README "The loan file"): the principal not yet due
 * after `dueDate` falls due on `dueDate`; installments due before it stay as they are. Applied as
 * a schedule change of type ACCELERATION dated the business date, recorded and replayed like an
 * approved restructuring (loan_restructurings + a SCHEDULE_CHANGE event) but not counted as one
 * for classification: from `dueDate` the close bills it and ages it like any due amount. No money
 * moves; the accrual catch-up every event makes posts balanced entries. Runs in the caller's
 * transaction (the inspections module's recall decision).
 */
@Injectable()
export class LoanAccelerationService {
  constructor(
    private readonly recorder: LoanEventRecorder,
    private readonly postings: LoanPostings,
    private readonly audit: AuditService,
  ) {}

  async accelerate(m: EntityManager, actor: Actor, loanId: string, a: Acceleration): Promise<AccelerationResult> {
    const row = await loanStore.find(m, actor, loanId, true);
    const state = await loanStore.state(m, row);
    if (row.status !== 'ACTIVE' || !state) throw new DomainError(LoanErrors['LOAN.NOT_ACTIVE'], { status: row.status });
    const { business, lastClosed } = await this.recorder.businessDay(m);
    const maturity = currentMaturity(state);
    if (a.dueDate <= business || a.dueDate >= maturity) {
      throw new DomainError(LoanAccelerationErrors['LOAN.ACCELERATION_DATE_INVALID'], { business, maturity, actual: a.dueDate }, [
        { field: 'recallDate', rule: 'between', message: `after ${business} and before ${maturity}` },
      ]);
    }
    const carry = principalToReschedule(state, business);
    const kept: NewInstallment[] = state.installments
      .filter((i) => !i.billed && i.dueDate > business && i.dueDate < a.dueDate)
      .map((i) => ({ dueDate: i.dueDate, principal: i.principalDue, interestDate: i.interestDate }));
    const rest = carry.minus(sum(kept.map((k) => k.principal)));
    const plan: NewInstallment[] = [...kept, { dueDate: a.dueDate, principal: rest.gt(ZERO) ? rest : ZERO, interestDate: true }];
    const stored = plan.map((p) => ({ dueDate: p.dueDate, principal: p.principal.toFixed(), interestDate: p.interestDate !== false }));
    const previous = toInstallmentDtos(state);
    const [{ id }] = (await m.query(
      `INSERT INTO loan_restructurings (loan_id, type, status, reason, proposed_date, previous_maturity_date, new_maturity_date, installments,
         effective_date, applied_installments, proposed_by, decided_by, decided_at)
       VALUES ($1, 'ACCELERATION', 'APPROVED', $2, $3, $4, $5, $6::jsonb, $3, $6::jsonb, $7, $8, now()) RETURNING id::text AS id`,
      [loanId, a.reason, business, maturity, a.dueDate, JSON.stringify(stored), a.proposedBy, actor.userId],
    )) as Array<{ id: string }>;
    await m.query(`INSERT INTO loan_schedule_history (loan_id, reason, effective_date, installments, created_by) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
      loanId,
      `ACCELERATION:${id}`,
      business,
      JSON.stringify(previous),
      actor.userId,
    ]);
    const event: ScheduleChange = { kind: 'SCHEDULE_CHANGE', date: business, installments: plan };
    const next = await this.recorder.nextState(m, row, event, lastClosed);
    await loanStore.saveState(m, loanId, next.state, { status: row.status, closedOn: row.closed_on });
    await m.query(
      `INSERT INTO loan_events (loan_id, kind, value_date, booking_date, amount, reference, channel, journal_transaction_id, restructuring_id, created_by)
       VALUES ($1, 'SCHEDULE_CHANGE', $2, $2, 0, $3, 'RECALL', NULL, $4, $5)`,
      [loanId, business, `THN-${id}`, id, actor.userId],
    );
    await m.query(`UPDATE loans SET days_past_due = $2, position_date = NULL WHERE id = $1`, [loanId, daysPastDue(next.state, lastClosed)]);
    const fresh = await loanStore.find(m, actor, loanId, false);
    await this.recorder.reallocate(m, actor, fresh, next.others, business);
    await this.postings.accrualCatchUp(m, actor, fresh, next.state, business, business);
    await this.audit.record(m, actor, {
      action: 'loan.accelerate',
      entityType: 'loan',
      entityId: loanId,
      before: { maturityDate: row.maturity_date, schedule: previous },
      after: { restructuringId: id, dueDate: a.dueDate, principalRecalled: rest.toFixed(), schedule: toInstallmentDtos(next.state) },
    });
    return { restructuringId: id, effectiveDate: business, principalRecalled: rest.toFixed() };
  }
}
