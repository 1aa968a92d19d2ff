import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { loanSummary, replayToOpenDay } from '../domain/index.js';
import type { LoanDto } from '../dto/loan-views.dto.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.service.js';
import { LoanPostings } from './loan-postings.service.js';
import { loanStore, termsOf, type LoanRow } from './loan-store.repository.js';
import { toLoanDto } from './loan-views.mapper.js';

/**
 * Reversal of a repayment (nothing is deleted; mistakes are reversed): the repayment is marked reversed, never deleted; its
 * journal transaction is reversed by a new one; the loan is recomputed from its remaining
 * events (which also re-allocates later repayments) and the income difference is posted.
 */
@Injectable()
export class LoanReversals {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly postings: LoanPostings,
    private readonly audit: AuditService,
  ) {}

  async reverse(actor: Actor, loanId: string, repaymentId: string, reason: string): Promise<LoanDto> {
    return this.tx.run(async (m) => {
      const row = await loanStore.find(m, actor, loanId, true);
      if (!/^\d{1,19}$/.test(repaymentId)) throw notFound('repayment', repaymentId);
      const [event] = (await m.query(
        `SELECT id, value_date::text AS value_date, amount, journal_transaction_id, reversed_at FROM loan_events WHERE id = $1 AND loan_id = $2 AND kind = 'REPAYMENT'`,
        [repaymentId, loanId],
      )) as Array<{ id: string; value_date: string; amount: string; journal_transaction_id: string; reversed_at: Date | null }>;
      if (!event) throw notFound('repayment', repaymentId);
      if (event.reversed_at) throw new DomainError(LoanErrors['LOAN.REPAYMENT_ALREADY_REVERSED'], { id: repaymentId });
      const { business, lastClosed } = await this.recorder.businessDay(m);
      const reversalTx = await this.postings.reverse(m, actor, event.journal_transaction_id, row, event.value_date, business, reason);
      await m.query(`UPDATE loan_event_allocations SET superseded_at = now() WHERE event_id = $1 AND superseded_at IS NULL`, [repaymentId]);
      await m.query(`UPDATE loan_events SET reversed_at = now(), reversed_by = $2, reversal_reason = $3, reversal_transaction_id = $4 WHERE id = $1`, [
        repaymentId,
        actor.userId,
        reason,
        reversalTx,
      ]);
      const events = await loanStore.events(m, loanId);
      const replayed = replayToOpenDay(termsOf(row) as NonNullable<ReturnType<typeof termsOf>>, events, lastClosed);
      const settled = loanSummary(replayed.state, replayed.state.lastClosedDate).settled;
      const status: LoanRow['status'] = settled ? 'CLOSED' : 'ACTIVE';
      await loanStore.saveState(m, loanId, replayed.state, { status, closedOn: settled ? row.closed_on : null });
      const fresh = await loanStore.find(m, actor, loanId, false);
      // Later repayments were re-allocated by the replay: their ledger and splits follow.
      await this.recorder.reallocate(m, actor, fresh, replayed.repayments, business);
      await this.postings.accrualCatchUp(m, actor, fresh, replayed.state, event.value_date, business);
      await this.audit.record(m, actor, {
        action: 'loan.repayment-reversal',
        entityType: 'loan',
        entityId: loanId,
        before: { status: row.status, outstandingPrincipal: row.outstanding_principal, repaymentId },
        after: { status, outstandingPrincipal: replayed.state.outstandingPrincipal.toFixed(), reason, reversalTransactionId: reversalTx },
      });
      return toLoanDto(await loanStore.find(m, actor, loanId, false), replayed.state);
    });
  }
}
